/**
 * What the page and the import worker say to each other (import.worker.ts, import-client.ts).
 */
import type { ImportOutcome, ImportSettings, Inspected, Progress } from './import-job';

export type ImportRequest =
	| { type: 'inspect'; file: File }
	| {
			type: 'import';
			file: File;
			settings: ImportSettings;
			/** Today as a day number: the last day an event may have. */
			latest: number;
			/** Where the basemap (countries.geojson) and the gazetteer are served. */
			generated: string;
			gazetteerUrl: string;
	  };

export type ImportResponse =
	| { type: 'inspected'; inspected: Inspected }
	| { type: 'progress'; progress: Progress }
	| { type: 'imported'; outcome: ImportOutcome }
	| { type: 'error'; message: string };
