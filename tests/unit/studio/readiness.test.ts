import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { countryIndex } from '../../../src/lib/import/countries';
import { mappingFrom } from '../../../src/lib/import/inspect';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { checkProject } from '../../../src/lib/studio/check';
import { inspectFile, runImport } from '../../../src/lib/studio/import-job';
import {
	review,
	settlePlace,
	type StudioEvent,
	type StudioPlace,
	type StudioProject
} from '../../../src/lib/studio/project';
import { unsurePlaces, whatIsLeft } from '../../../src/lib/studio/readiness';
import { storyLookup } from '../../helpers/story-files';

const reading = (state: string) => ({
	name: 'Paris',
	detail: `city in ${state}, US`,
	kind: 'city' as const,
	country: 'US',
	coordinates: [-84.25, 38.21] as [number, number]
});
const place = (id: string, unsure?: string, others = 1): StudioPlace => ({
	id,
	name: id[0]!.toUpperCase() + id.slice(1),
	kind: 'city',
	country: 'US',
	coordinates: [-95.55, 33.66],
	...(unsure
		? {
				unsure: { chosen: `city in ${unsure}, US`, others: [reading('Kentucky')].slice(0, others) }
			}
		: {})
});
const event = (id: string, over: Partial<StudioEvent>): StudioEvent => ({
	id,
	review: 'accepted',
	title: id,
	summary: id,
	category: 'statement',
	actors: [],
	start: '2025-04-11',
	end: '2025-04-11',
	when: 'on Friday',
	place: 'austin',
	places: [],
	source: [],
	background: false,
	notes: [],
	inferred: [],
	...over
});
const project = (places: StudioPlace[], events: StudioEvent[]): StudioProject => ({
	version: 1,
	title: 'Storms',
	published: '2025-04-12',
	article: 'Storms.',
	places,
	events
});

describe('the places to settle before publishing', () => {
	it.each<[string, StudioProject, string[]]>([
		['none unsure', project([place('austin')], [event('a', {})]), []],
		[
			'an unsure place of an accepted event',
			project([place('austin'), place('paris', 'Texas')], [event('a', { place: 'paris' })]),
			['paris']
		],
		[
			'an unsure place an accepted event names besides its own',
			project([place('austin'), place('paris', 'Texas')], [event('a', { places: ['paris'] })]),
			['paris']
		],
		[
			'an unsure place only a rejected or proposed event uses: not published, not asked',
			project(
				[place('austin'), place('paris', 'Texas'), place('salem', 'Oregon')],
				[
					event('a', {}),
					event('b', { place: 'paris', review: 'rejected' }),
					event('c', { place: 'salem', review: 'proposed' })
				]
			),
			[]
		],
		[
			'every one, in the order of the places',
			project(
				[place('salem', 'Oregon'), place('austin'), place('paris', 'Texas')],
				[event('a', { place: 'paris' }), event('b', { place: 'salem' })]
			),
			['salem', 'paris']
		]
	])('%s', (_, p, ids) => {
		expect(unsurePlaces(p).map((u) => u.id)).toEqual(ids);
	});

	it('names what was chosen and whether other readings came close', () => {
		const p = project(
			[place('paris', 'Texas'), place('salem', 'Oregon', 0)],
			[event('a', { place: 'paris' }), event('b', { place: 'salem' })]
		);
		expect(unsurePlaces(p)).toEqual([
			{ id: 'paris', name: 'Paris', chosen: 'city in Texas, US', others: 1 },
			{ id: 'salem', name: 'Salem', chosen: 'city in Oregon, US', others: 0 }
		]);
	});
});

describe('what is left, in words', () => {
	it.each<[number, number, number, string]>([
		[0, 0, 0, 'Ready to publish'],
		[1, 1, 0, 'Not ready: 1 unsure place to settle'],
		[8, 8, 0, 'Not ready: 8 unsure places to settle'],
		// An unsure place is never ready, even if it were not counted among the problems.
		[0, 2, 0, 'Not ready: 2 unsure places to settle'],
		[
			3,
			1,
			1,
			'Not ready: 1 unsure place to settle, 1 event after publication (mark it planned or fix its date), 1 other problem to fix'
		],
		[2, 0, 0, 'Not ready: 2 other problems to fix']
	])('%i problems, %i unsure, %i after publication: %s', (count, unsure, after, left) => {
		expect(whatIsLeft(count, unsure, after)).toBe(left);
	});
});

describe('a sheet of town names imported in the studio', () => {
	it('is not ready while any of its places is unsure, and lists each; settled, it is', async () => {
		const csv = [
			'Date,Town,State/Region,Country,What happened,Category',
			'2025-04-01,Paris,,United States,Flooding closed roads,statement',
			'2025-04-02,Georgetown,,United States,Power cut,statement',
			'2025-04-03,Richmond,,United States,Storm damage,statement',
			'2025-04-04,Lexington,,United States,Storm damage,statement',
			'2025-04-05,Paris,,United States,Roads reopened,statement'
		].join('\n');
		const file = new File([csv], 'towns.csv');
		const inspected = await inspectFile(file);
		if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
		const outcome = await runImport(
			file,
			{ mapping: mappingFrom(inspected.inspection.header, inspected.inspection.fields) },
			{
				countries: async () => countryIndex(shippedBasemap()),
				gazetteer: async () => loadGazetteerForNode(),
				latest: parseIsoDate('2025-04-12')!
			}
		);
		if (!outcome.ok || !outcome.project) throw new Error('not imported');
		let imported = outcome.project;
		const check = checkProject(imported, storyLookup);
		expect(check.unsure.map((u) => u.name)).toEqual([
			'Paris',
			'Georgetown',
			'Richmond',
			'Lexington'
		]);
		expect(check.left).toBe('Not ready: 4 unsure places to settle');
		// Settled one by one: ready only once the last is.
		for (const { id } of check.unsure) {
			expect(checkProject(imported, storyLookup).left).not.toBe('Ready to publish');
			imported = settlePlace(imported, id);
		}
		expect(checkProject(imported, storyLookup).left).toBe('Ready to publish');
		// A rejected event's unsure place is no longer asked about.
		const rejected = review(outcome.project, outcome.project.events[1]!.id, 'rejected');
		expect(unsurePlaces(rejected).map((u) => u.name)).toEqual(['Paris', 'Richmond', 'Lexington']);
	});
});
