/// <reference lib="webworker" />
/**
 * The studio's import off the page's main thread: the file is read, parsed and checked here, a
 * megabyte at a time with its progress posted, so the page answers input throughout. Cancel is
 * the page ending this worker (import-client.ts). The logic is import-job.ts; this wires it up.
 */
import { decodeBasemap, fetchBasemap } from '../derive/load-story';
import { fetchGazetteer, type Gazetteer } from '../draft/gazetteer/gazetteer';
import { countryIndex } from '../import/countries';
import type { CountryIndex } from '../import/country-index';
import { openStudioDb, saveFolderPreview } from './autosave';
import { inspectFile, runImport } from './import-job';
import type { ImportRequest, ImportResponse } from './import-messages';

declare const self: DedicatedWorkerGlobalScope;

let countries: Promise<CountryIndex> | null = null;
let gazetteer: Promise<Gazetteer> | null = null;

const post = (message: ImportResponse) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
	const request = event.data;
	try {
		if (request.type === 'inspect') {
			post({ type: 'inspected', inspected: await inspectFile(request.file) });
			return;
		}
		countries ??= fetchBasemap(fetch, request.generated).then((file) => {
			const basemap = decodeBasemap(file);
			if ('message' in basemap) throw new Error(`the map of countries: ${basemap.message}`);
			return countryIndex(basemap);
		});
		const outcome = await runImport(request.file, request.settings, {
			latest: request.latest,
			countries: () => countries!,
			gazetteer: () =>
				(gazetteer ??= fetchGazetteer(request.gazetteerUrl).catch((error: unknown) => {
					gazetteer = null;
					throw new Error(
						`the place list could not be loaded: ${error instanceof Error ? error.message : String(error)}`
					);
				})),
			progress: (progress) => post({ type: 'progress', progress }),
			keep: async (folder) => {
				const db = await openStudioDb();
				try {
					await saveFolderPreview(db, folder);
				} finally {
					db.close();
				}
			}
		});
		post({ type: 'imported', outcome });
	} catch (error) {
		countries = null;
		post({
			type: 'error',
			message: `The import failed: ${error instanceof Error ? error.message : String(error)}`
		});
	}
};
