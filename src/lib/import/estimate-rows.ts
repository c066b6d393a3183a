/**
 * How many rows a delimited file holds, told from its size and its head before it is read: the
 * studio says at once what it will do with a file of 50,000 rows, not after reading it for a
 * minute. The head's rows give the bytes a row takes; a head that is the whole file counts them.
 */
import { CsvRows } from './csv-rows';

export interface RowEstimate {
	/** Rows of data (the header not counted). */
	rows: number;
	/** True when the rows were counted, or the file states how many it holds: not estimated. */
	exact: boolean;
	/**
	 * The count is the file's own statement, not a count of its rows: a workbook's <dimension>,
	 * which Excel keeps to the sheet's last row (other writers may state less, or nothing).
	 */
	stated?: true;
}

export function estimateRows(
	headText: string,
	headBytes: number,
	fileBytes: number,
	delimiter: string
): RowEstimate {
	let rows = 0;
	const reader = new CsvRows(delimiter, () => (rows++, true));
	reader.push(headText);
	const exact = headBytes >= fileBytes;
	// The last row of a head cut short is partial: only whole rows are counted.
	if (exact) reader.end();
	const data = Math.max(0, rows - 1);
	if (exact || data === 0) return { rows: data, exact };
	return { rows: Math.round((data * fileBytes) / headBytes), exact: false };
}

/** What the studio says of a file of `estimate` rows before reading it, or null when it fits. */
export function studioPlan(estimate: RowEstimate, fileBytes: number, limit: number): string | null {
	if (estimate.rows <= limit) return null;
	const mb = (fileBytes / 1048576).toLocaleString('en-GB', { maximumFractionDigits: 1 });
	const rows = estimate.rows.toLocaleString('en-GB');
	const size = estimate.stated
		? `${rows} rows, as its sheet states`
		: estimate.exact
			? `${rows} rows`
			: `About ${rows} rows (estimated from its ${mb} MB)`;
	return `${size}: more than the ${limit.toLocaleString('en-GB')} events the studio edits one by one.`;
}
