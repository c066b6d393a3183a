/// <reference lib="webworker" />
/**
 * A reader's story is read, parsed, validated and prepared here, off the page's main thread, so
 * the page answers input while a 50 MB story opens (open-protocol.ts has the conversation). One
 * worker per story opened: Cancel ends it outright, and its memory goes with it.
 */
import { openJob } from './open-job';
import type { OpenRequest } from './open-protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<OpenRequest>) => {
	if (event.data?.type === 'open') void openJob(event.data, (message) => self.postMessage(message));
};
