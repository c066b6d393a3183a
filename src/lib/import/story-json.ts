/**
 * An imported story written as the format's three files (geodata/README.md), a piece at a time:
 * a million events do not fit in one JSON string (V8 stops at 512 MB), so events.geojson is
 * written feature by feature and article.txt line by line as the rows are read.
 */
import { datasetMembers } from '../story/dataset-origin';
import { placeFeature } from '../story/place-feature';
import { eventProperties } from '../story/schema';
import type { DatasetFile } from '../story/types';
import type { ImportedPlace } from './place-table';
import type { ImportedEvent } from './rows-to-events';

/** Everything before the first feature of events.geojson. */
export function eventsHead(title: string, published: string | null, dataset?: DatasetFile): string {
	const members = JSON.stringify({
		type: 'FeatureCollection',
		title,
		...(published ? { published } : {}),
		...datasetMembers(dataset)
	});
	return `${members.slice(0, -1)},"features":[\n`;
}

export const EVENTS_TAIL = '\n]}\n';

/** One event as a Feature; `row` is the importer's own member (geodata/README.md). */
export function eventFeature(event: ImportedEvent): string {
	return JSON.stringify({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: event.coordinates },
		properties: eventProperties({
			...event,
			places: [],
			source: [event.source],
			background: false,
			notes: [],
			inferred: []
		})
	});
}

export function placesCollection(places: readonly ImportedPlace[]): string {
	const features = places.map((place) => JSON.stringify(placeFeature(place)));
	return `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
}

/**
 * article.txt of a story in the columnar form. A million rows listed one a line would be a
 * 400 MB "article" nobody reads, so it says where the rows came from instead. The trace of every
 * event is its row: the table's `row` column, and the first words of its excerpt.
 */
export function datasetArticle(file: string, what: string, day: string, imported: number): string {
	const events = imported.toLocaleString('en-GB');
	return (
		`Imported from ${file} (${what}) on ${day}. This is not an article: it says where the ` +
		`story's ${events} events came from. Each is one row of that file. Each event keeps the ` +
		'number of its row (the "row" column of events.arrow; the header is row 1), and its words ' +
		'in the text folder begin with it: "Row N (id): date, place. What happened. Actors. Source." ' +
		'Rows that could not be imported are listed, with the reason, in the rejected.csv written ' +
		'beside the import.\n'
	);
}
