import { formatViewState, type ViewState } from './view-state';

export type HistoryMode = 'push' | 'replace';

/**
 * How a change of state goes into the browser's history. A new selection or a new step of the
 * tour is an entry of its own, so Back closes it or returns to the step before; the date, the map
 * view and the side panel replace the current entry, so scrubbing and panning do not flood the
 * history. Null when the URL already says it all.
 */
export function historyUpdate(
	address: URL | string,
	state: ViewState,
	written: ViewState | null,
	defaultDay: number
): { url: URL; mode: HistoryMode } | null {
	const current = new URL(address);
	const url = formatViewState(current, state, defaultDay);
	if (url.href === current.href) return null;
	const selectionChanged =
		written !== null &&
		(written.place !== state.place || written.event !== state.event || written.step !== state.step);
	return { url, mode: selectionChanged ? 'push' : 'replace' };
}

/** The message an embedding page receives after each change, to sync its own text or analytics. */
export interface EmbedMessage {
	source: 'story-atlas';
	type: 'state';
	url: string;
	date: string;
	place: string | null;
	event: string | null;
	view: ViewState['view'];
	/** The tour's step, from 1; null outside the tour. */
	step: number | null;
}
