/**
 * The draft engine behind a message interface, for a Web Worker: drafting and the one-off
 * parsing of the 1 MB gazetteer stay off the page's main thread. The handler is pure (no `self`,
 * no DOM, no fetch), so it is tested in Node; the studio's worker file only wires it up:
 *
 *   const handle = createDraftHandler();
 *   self.onmessage = (e) => self.postMessage(handle(e.data));
 */
import { draftInPieces } from './pieces';
import type { Draft } from './draft';
import { parseGazetteer, type Gazetteer } from './gazetteer/gazetteer';
import { searchGazetteer, type PlaceHit } from './search';

export type DraftRequest =
	| { type: 'gazetteer'; json: unknown }
	| { type: 'draft'; article: string; published: string; title?: string }
	| { type: 'search'; query: string };

export type DraftResponse =
	| { type: 'ready'; places: number }
	| { type: 'progress'; done: number; total: number }
	| { type: 'draft'; draft: Draft; ms: number }
	| { type: 'search'; query: string; hits: PlaceHit[] }
	| { type: 'error'; message: string };

/** `progress` hears about each piece of a long article as it is drafted. */
export function createDraftHandler(
	progress: (response: DraftResponse) => void = () => {}
): (request: DraftRequest) => DraftResponse {
	let gazetteer: Gazetteer | undefined;
	return (request) => {
		try {
			if (request.type === 'gazetteer') {
				gazetteer = parseGazetteer(request.json);
				return { type: 'ready', places: gazetteer.places.length };
			}
			if (!gazetteer) return { type: 'error', message: 'The gazetteer is not loaded yet.' };
			if (request.type === 'search')
				return {
					type: 'search',
					query: request.query,
					hits: searchGazetteer(gazetteer, request.query)
				};
			const started = performance.now();
			const draft = draftInPieces(
				request.article,
				{
					published: request.published,
					...(request.title !== undefined ? { title: request.title } : {})
				},
				gazetteer,
				(done, total) => progress({ type: 'progress', done, total })
			);
			return { type: 'draft', draft, ms: performance.now() - started };
		} catch (error) {
			return { type: 'error', message: error instanceof Error ? error.message : String(error) };
		}
	};
}
