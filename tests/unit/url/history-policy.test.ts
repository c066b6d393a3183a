import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { historyUpdate } from '../../../src/lib/url/history-policy';
import type { ViewState } from '../../../src/lib/url/view-state';

const LAST = parseIsoDate('2025-04-12')!;
const BASE = 'https://example.org/atlas/';
const state = (over: Partial<ViewState> = {}): ViewState => ({
	view: null,
	day: LAST,
	place: null,
	event: null,
	panel: null,
	step: null,
	...over
});
const view = { zoom: 3, lat: 48, lon: 20 };

describe('historyUpdate', () => {
	it.each<
		[string, string, Partial<ViewState>, Partial<ViewState> | null, string | null, string | null]
	>([
		['nothing changed', '', {}, {}, null, null],
		[
			'a place is chosen: a new entry, so Back closes it',
			'',
			{ place: 'cyprus' },
			{},
			'push',
			'?place=cyprus'
		],
		[
			'an event is chosen',
			'?place=cyprus',
			{ place: 'cyprus', event: 'petrov-arrest' },
			{ place: 'cyprus' },
			'push',
			'?place=cyprus&event=petrov-arrest'
		],
		['the selection closes', '?place=cyprus', {}, { place: 'cyprus' }, 'push', ''],
		['the date moves: same entry', '', { day: LAST - 1 }, {}, 'replace', '?date=2025-04-11'],
		['the map moves: same entry', '', { view }, {}, 'replace', '#3/48/20'],
		['the panel switches: same entry', '', { panel: 'article' }, {}, 'replace', '?panel=article'],
		[
			'the default date stays out of the link',
			'?date=2025-04-11',
			{},
			{ day: LAST - 1 },
			'replace',
			''
		],
		['first write after load replaces', '?date=1999-01-01', {}, null, 'replace', '']
	])('%s', (_, from, next, written, mode, suffix) => {
		const update = historyUpdate(
			new URL(from, BASE),
			state(next),
			written === null ? null : state(written),
			LAST
		);
		if (mode === null) expect(update).toBeNull();
		else expect(update).toEqual({ mode, url: new URL(suffix ?? '', BASE) });
	});

	it('keeps query parameters that are not its own, ?embed and a CMS tag among them', () => {
		const update = historyUpdate(
			new URL('?embed&utm=x', BASE),
			state({ place: 'kyiv' }),
			state(),
			LAST
		);
		expect(update?.url.search).toBe('?embed=&utm=x&place=kyiv');
	});
});
