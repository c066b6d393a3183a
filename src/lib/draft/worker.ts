/**
 * The draft engine behind a message interface, for a Web Worker: drafting and the one-off
 * parsing of the 1 MB gazetteer stay off the page's main thread. The handler is pure (no `self`,
 * no DOM, no fetch), so it is tested in Node; the studio's worker file only wires it up:
 *
 *   const handle = createDraftHandler();
 *   self.onmessage = (e) => self.postMessage(handle(e.data));
 */
import { draftStory, type Draft } from './draft';
import { parseGazetteer, type Gazetteer } from './gazetteer';
import { toStoryFiles, type StoryCollections } from './to-story-files';

export type DraftRequest =
	| { type: 'gazetteer'; json: unknown }
	| { type: 'draft'; article: string; published: string; title?: string };

export type DraftResponse =
	| { type: 'ready'; places: number }
	| { type: 'draft'; draft: Draft; files: StoryCollections; ms: number }
	| { type: 'error'; message: string };

export function createDraftHandler(): (request: DraftRequest) => DraftResponse {
	let gazetteer: Gazetteer | undefined;
	return (request) => {
		try {
			if (request.type === 'gazetteer') {
				gazetteer = parseGazetteer(request.json);
				return { type: 'ready', places: gazetteer.places.length };
			}
			if (!gazetteer) return { type: 'error', message: 'The gazetteer is not loaded yet.' };
			const started = performance.now();
			const draft = draftStory(
				request.article,
				{
					published: request.published,
					...(request.title !== undefined ? { title: request.title } : {})
				},
				gazetteer
			);
			return { type: 'draft', draft, files: toStoryFiles(draft), ms: performance.now() - started };
		} catch (error) {
			return { type: 'error', message: error instanceof Error ? error.message : String(error) };
		}
	};
}
