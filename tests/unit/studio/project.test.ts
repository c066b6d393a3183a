import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { DEFAULT_FILES } from '../../../scripts/lib/story-files';
import { draftStory } from '../../../src/lib/draft/draft';
import { checkProject, fieldProblems } from '../../../src/lib/studio/check';
import {
	acceptAll,
	addEvent,
	addPlace,
	counts,
	editEvent,
	fromDraft,
	fromStory,
	hitReading,
	mergeEvents,
	movePlace,
	review,
	settlePlace,
	splitEvent,
	type StudioEvent,
	type StudioProject
} from '../../../src/lib/studio/project';
import { toBundle, toFiles } from '../../../src/lib/studio/story-files';
import { storyLookup, projectStory } from '../../helpers/story-files';

const article = readFileSync(DEFAULT_FILES.article, 'utf8');
const drafted = fromDraft(
	draftStory(
		article,
		{ published: '2025-04-12', title: 'Witkoff meets Putin' },
		loadGazetteerForNode()
	),
	article
);

const event = (id: string, over: Partial<StudioEvent> = {}): StudioEvent => ({
	id,
	review: 'proposed',
	title: id,
	summary: id,
	category: 'statement',
	actors: [],
	start: '2025-04-11',
	end: '2025-04-11',
	when: 'on Friday',
	place: 'brussels',
	places: [],
	source: [],
	background: false,
	notes: [],
	inferred: [],
	...over
});
const small: StudioProject = {
	version: 1,
	title: 'Aid',
	published: '2025-04-12',
	article: 'Ministers met on Friday. They pledged aid. Kyiv thanked them.',
	places: [
		{
			id: 'brussels',
			name: 'Brussels',
			kind: 'city',
			country: 'BE',
			coordinates: [4.3517, 50.8503]
		},
		{ id: 'kyiv', name: 'Kyiv', kind: 'city', country: 'UA', coordinates: [30.5238, 50.4547] }
	],
	events: [
		event('a', { source: ['Ministers met on Friday.'], actors: ['Ministers'] }),
		event('b', {
			source: ['They pledged aid.'],
			start: '2025-04-10',
			end: '2025-04-12',
			actors: ['Ministers', 'EU'],
			places: ['kyiv']
		}),
		event('c', { source: ['Kyiv thanked them.', 'They pledged aid.'], place: 'kyiv' })
	]
};

describe('the draft as a project', () => {
	it('starts with every drafted event proposed, none published', () => {
		expect(counts(drafted)).toEqual({ proposed: drafted.events.length, accepted: 0, rejected: 0 });
		expect(toBundle(drafted).events.features).toHaveLength(0);
	});

	it('accepted whole and its unsure places kept, it passes the validator that check:data and the atlas use', () => {
		const unsure = drafted.places.filter((p) => p.unsure).map((p) => p.id);
		const check = checkProject(
			unsure.reduce((p, id) => settlePlace(p, id), acceptAll(drafted)),
			storyLookup
		);
		expect(check.count, JSON.stringify([...check.byEvent, ...check.general])).toBe(0);
		expect(check.ok).toBe(true);
	});

	it('a published story opened for editing exports the same story', () => {
		const story = projectStory();
		const bundle = toBundle(fromStory(story));
		expect(bundle.events.features.map((f) => f.properties?.id).sort()).toEqual(
			story.events.map((e) => e.id).sort()
		);
		expect(checkProject(fromStory(story), storyLookup).ok).toBe(true);
	});
});

describe('review', () => {
	it.each([
		['accept', (p: StudioProject) => review(p, 'a', 'accepted'), { accepted: 1, proposed: 2 }],
		['reject', (p: StudioProject) => review(p, 'a', 'rejected'), { rejected: 1, proposed: 2 }],
		[
			'accept all keeps a rejection',
			(p: StudioProject) => acceptAll(review(p, 'b', 'rejected')),
			{ accepted: 2, rejected: 1, proposed: 0 }
		]
	])('%s', (_, change, expected) => {
		expect(counts(change(small))).toMatchObject(expected);
	});

	it('merge keeps the first event, with every excerpt, actor and place, on its exact day', () => {
		const merged = mergeEvents(small, ['a', 'b']);
		expect(merged.events.map((e) => e.id)).toEqual(['a', 'c']);
		expect(merged.events[0]).toMatchObject({
			source: ['Ministers met on Friday.', 'They pledged aid.'],
			actors: ['Ministers', 'EU'],
			places: ['kyiv'],
			start: '2025-04-11',
			end: '2025-04-11',
			when: 'on Friday'
		});
		expect(mergeEvents(small, ['a'])).toBe(small);
	});

	const dated = (id: string, start: string, end: string, inferred: StudioEvent['inferred'] = []) =>
		event(id, { start, end, when: `${start}…${end}`, inferred });
	it.each<[string, StudioEvent[], [string, string], StudioEvent['inferred']]>([
		[
			'the earliest exact day, not the union',
			[
				dated('x', '2025-04-01', '2025-04-12'),
				dated('y', '2025-04-11', '2025-04-11'),
				dated('z', '2025-04-09', '2025-04-09')
			],
			['2025-04-09', '2025-04-09'],
			[]
		],
		[
			'a stated day over an inferred one',
			[dated('x', '2025-04-06', '2025-04-06', ['date']), dated('y', '2025-04-10', '2025-04-10')],
			['2025-04-10', '2025-04-10'],
			[]
		],
		[
			'the narrowest stated range when no day is fixed',
			[dated('x', '2025-01-01', '2025-04-12'), dated('y', '2025-04-07', '2025-04-12')],
			['2025-04-07', '2025-04-12'],
			[]
		],
		[
			'the first’s date, still inferred, when every date is',
			[
				dated('x', '2025-04-06', '2025-04-12', ['date', 'place']),
				dated('y', '2025-04-01', '2025-04-12', ['date'])
			],
			['2025-04-06', '2025-04-12'],
			['place', 'date']
		]
	])('merge dates one happening: %s', (_, events, [start, end], inferred) => {
		const merged = mergeEvents(
			{ ...small, events },
			events.map((e) => e.id)
		).events[0]!;
		expect([merged.start, merged.end]).toEqual([start, end]);
		expect(merged.inferred).toEqual(inferred);
	});

	it.each<[string, Parameters<typeof editEvent>[2], StudioEvent['inferred']]>([
		['setting the date clears its mark', { start: '2025-04-10', end: '2025-04-10' }, ['place']],
		['setting the words for the time clears it too', { when: 'on Thursday' }, ['place']],
		['setting the place clears the place mark', { place: 'kyiv' }, ['date']],
		['another field leaves both', { title: 'Talks' }, ['place', 'date']],
		['an edit of the marks themselves is kept', { place: 'kyiv', inferred: ['place'] }, ['place']]
	])('a person’s edit: %s', (_, edit, inferred) => {
		const p = { ...small, events: [event('a', { inferred: ['place', 'date'] })] };
		expect(editEvent(p, 'a', edit).events[0]!.inferred).toEqual(inferred);
	});

	it('split makes one event per excerpt, each proposed again, with free ids', () => {
		const split = splitEvent(review(small, 'c', 'accepted'), 'c');
		expect(split.events.map((e) => [e.id, e.source, e.review])).toEqual([
			['a', ['Ministers met on Friday.'], 'proposed'],
			['b', ['They pledged aid.'], 'proposed'],
			['c', ['Kyiv thanked them.'], 'proposed'],
			['c-2', ['They pledged aid.'], 'proposed']
		]);
		expect(splitEvent(small, 'a')).toBe(small);
	});

	it('an edit that makes an event’s other place its main place drops it from the others', () => {
		const edited = editEvent(small, 'b', { place: 'kyiv', title: 'Aid pledged' });
		expect(edited.events[1]).toMatchObject({ place: 'kyiv', places: [], title: 'Aid pledged' });
	});

	it('moving a pin moves the events at the place, rounded to four decimals', () => {
		const moved = movePlace(review(small, 'a', 'accepted'), 'brussels', [4.123456, 50.987654]);
		expect(toBundle(moved).events.features[0]!.geometry.coordinates).toEqual([4.1235, 50.9877]);
	});

	it('a place and an event added from the map get free slug ids; the event asks for an excerpt', () => {
		const placed = addPlace(small, {
			name: 'Brussels',
			kind: 'city',
			country: 'BE',
			coordinates: [4.35, 50.85]
		});
		expect(placed.id).toBe('brussels-2');
		const added = addEvent(placed.project, placed.id);
		expect(added.id).toBe('brussels-2-new-event');
		const check = checkProject(added.project, storyLookup);
		expect(fieldProblems(check.byEvent.get(added.id), 'source')[0]?.message).toMatch(
			/at least one/
		);
	});
});

describe('what is left before publishing', () => {
	it.each<[string, StudioProject, string]>([
		['a clean story', review(small, 'a', 'accepted'), 'Ready to publish'],
		[
			'an event after publication',
			editEvent(review(small, 'a', 'accepted'), 'a', { end: '2025-04-20' }),
			'Not ready: 1 event after publication (mark it planned or fix its date)'
		],
		[
			'a planned one',
			editEvent(review(small, 'a', 'accepted'), 'a', { end: '2025-04-20', planned: true }),
			'Ready to publish'
		],
		[
			'an event after publication and another problem',
			editEvent(review(small, 'a', 'accepted'), 'a', { end: '2025-04-20', title: '' }),
			'Not ready: 1 event after publication (mark it planned or fix its date), 1 other problem to fix'
		]
	])('%s', (_, project, left) => {
		expect(checkProject(project, storyLookup).left).toBe(left);
	});
});

describe('checkProject', () => {
	it.each<[string, (p: StudioProject) => StudioProject, string, string, RegExp]>([
		[
			'a date that is not a date',
			(p) => editEvent(p, 'a', { start: '2025-02-30' }),
			'a',
			'start',
			/not a real date/
		],
		[
			'an excerpt not in the article',
			(p) => editEvent(p, 'a', { source: ['Made up.'] }),
			'a',
			'source',
			/not in the article/
		],
		['an empty title', (p) => editEvent(p, 'a', { title: '' }), 'a', 'title', /empty/]
	])('puts %s at its field', (_, change, id, field, says) => {
		const check = checkProject(change(review(small, 'a', 'accepted')), storyLookup);
		expect(fieldProblems(check.byEvent.get(id), field)[0]?.message).toMatch(says);
	});

	it('a place outside its country is named at the place', () => {
		const p = movePlace(review(small, 'a', 'accepted'), 'brussels', [2.35, 48.85]);
		expect(checkProject(p, storyLookup).byPlace.get('brussels')?.[0]?.message).toMatch(
			/outside its country BE/
		);
	});

	it('exports three files named for check:data', () => {
		expect(toFiles(toBundle(small)).map((f) => f.name)).toEqual([
			'events.geojson',
			'places.geojson',
			'article.txt'
		]);
	});
});

describe('an unsure place', () => {
	const text = 'Police in Springfield and Tokyo said on Tuesday that the fires were out.';
	const project = fromDraft(
		draftStory(text, { published: '2024-05-07' }, loadGazetteerForNode()),
		text
	);
	const springfield = project.places.find((p) => p.name === 'Springfield');

	it('keeps the readings the draft could not tell apart, and says which it chose', () => {
		expect(springfield?.country).toBe('US');
		expect(springfield?.unsure?.chosen).toMatch(/^city in .*, US$/);
		expect(springfield?.unsure?.others.length).toBeGreaterThan(0);
		expect(
			springfield?.unsure?.others.every(
				(o) => o.name === 'Springfield' && o.detail !== springfield.unsure?.chosen
			)
		).toBe(true);
		// A name read with one clear sense is not asked about.
		expect(project.places.find((p) => p.name === 'Tokyo')?.unsure).toBeUndefined();
	});

	it.each([
		['keeps the draft’s choice', false],
		['takes another reading', true]
	])('is settled in one step: %s', (_, other) => {
		const reading = other ? springfield!.unsure!.others[0]! : undefined;
		const settled = settlePlace(project, springfield!.id, reading);
		const place = settled.places.find((p) => p.id === springfield!.id)!;
		expect(place.unsure).toBeUndefined();
		expect(place.coordinates).toEqual(reading ? reading.coordinates : springfield!.coordinates);
		expect(place.country).toBe(reading ? reading.country || undefined : 'US');
		// The other places are untouched.
		expect(settled.places.filter((p) => p.id !== springfield!.id)).toEqual(
			project.places.filter((p) => p.id !== springfield!.id)
		);
	});

	it('asks about a town pinned far from everything else the article names', () => {
		const quake = readFileSync('tests/fixtures/articles/noto-quake-2024-01-01.txt', 'utf8');
		const drafted = fromDraft(
			draftStory(quake, { published: '2024-01-01' }, loadGazetteerForNode()),
			quake
		);
		// The gazetteer's only Noto is in Sicily; the article is about Japan.
		const noto = drafted.places.find((p) => p.name === 'Noto');
		expect(noto?.country).toBe('IT');
		expect(noto?.unsure).toEqual({ chosen: expect.stringMatching(/, IT$/), others: [] });
		// Its Japanese places, near one another, are not asked about.
		for (const name of ['Wajima', 'Tokyo', 'Ishikawa'])
			expect(drafted.places.find((p) => p.name === name)?.unsure).toBeUndefined();
	});

	it('takes a place found by name: renamed, moved, and its question ended', () => {
		const hit = {
			name: 'Springfield',
			detail: 'city in Massachusetts, US',
			kind: 'city' as const,
			country: 'US',
			lon: -72.5898,
			lat: 42.1015
		};
		const settled = settlePlace(
			{ ...project, places: project.places.map((p) => ({ ...p, name: 'Springfld' })) },
			springfield!.id,
			hitReading(hit)
		);
		const place = settled.places.find((p) => p.id === springfield!.id)!;
		expect(place).toMatchObject({ name: 'Springfield', coordinates: [-72.5898, 42.1015] });
		expect(place.unsure).toBeUndefined();
	});

	it('keeps a story from being ready until it is settled, and says so', () => {
		const accepted = acceptAll(project);
		expect(checkProject(accepted).left).toBe('Not ready: 1 unsure place to settle');
		expect(checkProject(accepted).byPlace.get(springfield!.id)?.[0]?.message).toMatch(
			/^"Springfield" is unsure: city in .*, US, or another reading\? Keep it or choose another\.$/
		);
		expect(checkProject(settlePlace(accepted, springfield!.id)).left).toBe('Ready to publish');
	});

	it('is never exported as unsure', () => {
		const bundle = toBundle(acceptAll(project));
		expect(JSON.stringify(bundle.places)).not.toContain('unsure');
	});
});
