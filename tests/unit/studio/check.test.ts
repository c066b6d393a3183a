import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/lib/studio/check';
import {
	acceptAll,
	addEvent,
	editEvent,
	editPlace,
	fromStory,
	movePlace,
	type StudioProject
} from '../../../src/lib/studio/project';
import { toBundle, toStoryFiles } from '../../../src/lib/studio/story-files';
import { validateStory } from '../../../src/lib/story/validate';
import { projectStory, storyLookup } from '../../helpers/story-files';

const story = fromStory(projectStory());
const first = story.events[0]!.id;
const second = story.events[1]!.id;
const firstPlace = story.events[0]!.place;

/** What the studio checked before: the project written as the story files and read back. */
function viaFiles(project: StudioProject) {
	const result = validateStory(toStoryFiles(toBundle(project)), storyLookup);
	return result.ok ? [] : result.problems;
}

/** Every problem of a check, in the order the validator found them. */
function problemsOf(project: StudioProject) {
	const check = checkProject(project, storyLookup);
	return [
		...check.general,
		...[...check.byEvent.values()].flat(),
		...[...check.byPlace.values()].flat()
	];
}

const sorted = (problems: ReturnType<typeof viaFiles>) =>
	problems.map((p) => [p.file, p.feature, p.field, p.message].join(' | ')).sort();

describe('checkProject reads the project as it is, and finds what the story files would hold', () => {
	it.each<[string, (p: StudioProject) => StudioProject]>([
		['a date that is not a date', (p) => editEvent(p, first, { start: '2025-02-30', end: 'soon' })],
		['an end before the start', (p) => editEvent(p, first, { end: '2000-01-01' })],
		['an excerpt not in the article', (p) => editEvent(p, first, { source: ['Made up.'] })],
		['an excerpt with straight quotes', (p) => editEvent(p, second, { source: ['"Putin"'] })],
		[
			'HTML in a title, an empty summary',
			(p) => editEvent(p, first, { title: '<b>x</b>', summary: '' })
		],
		[
			'no actors, a category not listed',
			(p) => editEvent(p, first, { actors: [], category: 'riot' as never })
		],
		['an unknown place', (p) => editEvent(p, first, { place: 'atlantis' })],
		['an id that is not a slug', (p) => editEvent(p, first, { id: 'Not A Slug' } as never)],
		['two events with one id', (p) => editEvent(p, second, { id: first } as never)],
		[
			'a note without its reporter',
			(p) => editEvent(p, first, { notes: [{ correction: 'x', reportedBy: '' }] })
		],
		['inferred twice', (p) => editEvent(p, first, { inferred: ['date', 'date'] })],
		['a place moved out of its country', (p) => movePlace(p, firstPlace, [2.35, 48.85])],
		[
			'a place with false precision',
			(p) => editPlace(p, firstPlace, { coordinates: [30.1234567, 50.1] })
		],
		['a place with no name', (p) => editPlace(p, firstPlace, { name: '' })],
		[
			'a headline in HTML and a bad day',
			(p) => ({ ...p, title: '<i>t</i>', published: '2025-13-01' })
		],
		['an empty article', (p) => ({ ...p, article: '' })],
		['a new event at a place, with no excerpt', (p) => addEvent(p, firstPlace).project],
		[
			'every event rejected',
			(p) => ({ ...p, events: p.events.map((e) => ({ ...e, review: 'rejected' as const })) })
		],
		['an imported row twice', (p) => editEvent(editEvent(p, first, { row: 7 }), second, { row: 7 })]
	])('%s', (_, change) => {
		const project = change(acceptAll(story));
		const direct = problemsOf(project);
		const files = viaFiles(project);
		const accepted = project.events.some((e) => e.review === 'accepted');
		// With nothing accepted, checkProject says so in its own words instead of the files' two.
		const expected = accepted ? files : files.filter((p) => p.field !== 'features');
		expect(sorted(direct.filter((p) => !p.message.startsWith('Accept at least')))).toEqual(
			sorted(expected)
		);
		expect(direct.length).toBeGreaterThan(0);
	});

	it('finds nothing in the published story, as check:data does', () => {
		expect(viaFiles(acceptAll(story))).toEqual([]);
		expect(problemsOf(acceptAll(story))).toEqual([]);
	});
});
