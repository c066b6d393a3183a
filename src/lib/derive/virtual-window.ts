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

/**
 * The tallest list this lays out. Browsers stop laying out an element at about 33.5 million pixels
 * (Chromium) or 17.9 million (Firefox): a million rows of 64 px would end half way.
 */
export const MAX_LIST_PX = 8_000_000;

/** The list's scrollable height: its rows' own, up to MAX_LIST_PX. */
export function listHeight(count: number, rowHeight: number): number {
	return Math.min(Math.max(0, count) * rowHeight, MAX_LIST_PX);
}

/**
 * Where a scroll position is in the rows' own pixels. Up to MAX_LIST_PX the two are the same; past
 * it, the scroll bar's travel stands for the whole list, in proportion, so its end is the last row.
 */
export function rowsTop(scrollTop: number, viewport: number, rowHeight: number, count: number) {
	const full = Math.max(0, count) * rowHeight;
	const height = listHeight(count, rowHeight);
	if (full === height) return scrollTop;
	const travel = height - viewport;
	if (travel <= 0) return 0;
	return (Math.min(Math.max(0, scrollTop), travel) / travel) * (full - viewport);
}

/** The scroll position at which the rows' own pixel `top` is at the top: rowsTop's inverse. */
export function scrollFor(top: number, viewport: number, rowHeight: number, count: number) {
	const full = Math.max(0, count) * rowHeight;
	const height = listHeight(count, rowHeight);
	if (full === height) return top;
	return (top / Math.max(1, full - viewport)) * Math.max(0, height - viewport);
}

/** A list this short is drawn whole, so find-in-page and a screen reader's list see every row. */
export const DRAWN_WHOLE = 100;
/** However tall a layout lets a list's box grow, at most this much of it is drawn. */
export const MAX_VIEWPORT_PX = 2400;

/** The rows a list of `count` draws: all of a short one, a screenful (and a few) of a long one. */
export function listWindow(
	scrollTop: number,
	viewport: number,
	rowHeight: number,
	count: number
): RowWindow {
	if (count <= DRAWN_WHOLE) return { from: 0, to: Math.max(0, count) };
	return rowWindow(scrollTop, Math.min(viewport, MAX_VIEWPORT_PX), rowHeight, count);
}
