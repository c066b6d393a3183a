/**
 * Which rows of a long list are on screen: a virtual list keeps only these (and a few either side)
 * in the DOM, however many rows there are.
 */
export interface RowWindow {
	/** The first and one past the last row index to render. */
	from: number;
	to: number;
}

export function rowWindow(
	scrollTop: number,
	viewport: number,
	rowHeight: number,
	count: number,
	overscan = 4
): RowWindow {
	if (count <= 0 || rowHeight <= 0) return { from: 0, to: 0 };
	const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
	const visible = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
	const from = Math.max(0, Math.min(count - 1, first) - overscan);
	const to = Math.min(count, first + visible + overscan);
	return { from, to: Math.max(from, to) };
}

/** The scroll position that brings row `row` fully into view, or null when it already is. */
export function scrollToRow(
	row: number,
	scrollTop: number,
	viewport: number,
	rowHeight: number
): number | null {
	const top = row * rowHeight;
	if (top < scrollTop) return top;
	if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
	return null;
}
