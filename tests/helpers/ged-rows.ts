/**
 * A UCDP GED export of any length, in the real layout (tests/fixtures/import/ucdp-ged.csv: 49
 * columns, days with a midnight time): the fixture's rows over and over, each with its own id and
 * its point moved a little, so a big import has thousands of distinct events at a few towns. The
 * fixture's row with its dates the wrong way round comes along, so every copy of it is rejected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

export const GED_FIXTURE = join(import.meta.dirname, '../fixtures/import/ucdp-ged.csv');

const [HEADER, ...ROWS] = Papa.parse<string[]>(readFileSync(GED_FIXTURE, 'utf8').trimEnd())
	.data as [string[], ...string[][]];

/** How many of every fixture.length rows are rejected (the dates the wrong way round). */
export const GED_REJECTED_PER_CYCLE = 1;
export const GED_CYCLE = ROWS.length;

/** The header and `count` data rows, as cells. */
export function gedRows(count: number): string[][] {
	const at = (name: string) => HEADER.indexOf(name);
	const [id, lat, lon] = [at('id'), at('latitude'), at('longitude')];
	const rows: string[][] = [HEADER];
	for (let i = 0; i < count; i++) {
		const cells = [...ROWS[i % ROWS.length]!];
		cells[id] = String(600_000 + i);
		// Within a town's precision: one place per town, each event its own point.
		const nudge = ((i % 97) - 48) / 10_000;
		cells[lat] = (Number(cells[lat]) + nudge).toFixed(4);
		cells[lon] = (Number(cells[lon]) - nudge).toFixed(4);
		rows.push(cells);
	}
	return rows;
}

/** The same as a CSV file's text, with CRLF line ends as UCDP's downloads have. */
export const gedCsv = (count: number): string => Papa.unparse(gedRows(count), { newline: '\r\n' });
