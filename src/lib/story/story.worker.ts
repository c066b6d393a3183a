/// <reference lib="webworker" />
/**
 * The one loader of stories, off the page's main thread, whatever their form: a reader's own
 * files (GeoJSON or a bundle) are read, validated and prepared (open-job.ts); a published columnar
 * story is streamed, read into its event table and indexed (columnar-job.ts). One worker per
 * story: Cancel ends it outright, and its memory goes with it.
 */
import { columnarJob } from './columnar-job';
import type { BigStoryRequest } from './big-story-protocol';
import { openJob } from './open-job';
import type { OpenRequest } from './open-protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<OpenRequest | BigStoryRequest>) => {
	const request = event.data;
	if (request?.type === 'open') void openJob(request, (message) => self.postMessage(message));
	else if (request?.type === 'columnar')
		void columnarJob(request, (message, transfer = []) => self.postMessage(message, transfer));
};
