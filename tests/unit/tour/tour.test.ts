import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILES } from '../../../scripts/lib/story-files';
import { validateStory } from '../../../src/lib/story/validate';
import { storyFiles, storyLookup } from '../../helpers/story-files';
import { ProblemList } from '../../../src/lib/story/problems';
import { readTour, tourSteps } from '../../../src/lib/tour/tour';

const ids = new Set(['invasion', 'saudi-talks', 'kryvyi-rih-strike']);
const read = (value: unknown) => {
	const problems = new ProblemList('events.geojson');
	return { steps: readTour(value, ids, problems), problems: problems.items };
};

describe('readTour', () => {
	it('is absent when the story gives none', () => {
		expect(read(undefined)).toEqual({ steps: undefined, problems: [] });
	});

	it('reads steps with their captions and cameras', () => {
		expect(
			read([
				{ event: 'saudi-talks', caption: ' The first talks ' },
				{ event: 'kryvyi-rih-strike', camera: { zoom: 6, lat: 47.9, lon: 33.4 } }
			])
		).toEqual({
			steps: [
				{ event: 'saudi-talks', caption: 'The first talks', camera: null },
				{ event: 'kryvyi-rih-strike', caption: null, camera: { zoom: 6, lat: 47.9, lon: 33.4 } }
			],
			problems: []
		});
	});

	it.each<[string, unknown, string, RegExp]>([
		['not a list', { event: 'invasion' }, 'tour', /must be a list of steps/],
		['a step with no event', [{ caption: 'x' }], 'tour[0]', /needs an "event"/],
		['an unknown id', [{ event: 'nowhere' }], 'tour[0].event', /"nowhere" is not an event/],
		[
			'the same event twice',
			[{ event: 'invasion' }, { event: 'invasion' }],
			'tour[1].event',
			/already a step/
		],
		['a caption that is not text', [{ event: 'invasion', caption: 5 }], 'tour[0].caption', /text/],
		[
			'a camera off the map',
			[{ event: 'invasion', camera: { zoom: 4, lat: 95, lon: 0 } }],
			'tour[0].camera',
			/"lat": -85–85/
		],
		[
			'thousands of steps',
			Array.from({ length: 501 }, () => ({ event: 'invasion' })),
			'tour',
			/limit is 500/
		]
	])('%s is named at its field', (_, value, field, says) => {
		const { problems } = read(value);
		expect(problems[0]).toMatchObject({ feature: 'collection', field });
		expect(problems[0]?.message).toMatch(says);
	});
});

describe('tourSteps', () => {
	const events = [{ id: 'invasion' }, { id: 'saudi-talks' }];
	it('is the story in time order when no tour is given', () => {
		expect(tourSteps(events, undefined).map((s) => s.event)).toEqual(['invasion', 'saudi-talks']);
		expect(tourSteps(events, []).map((s) => s.event)).toEqual(['invasion', 'saudi-talks']);
	});

	it('is the authors’ tour when they give one', () => {
		const authored = [{ event: 'saudi-talks', caption: null, camera: null }];
		expect(tourSteps(events, authored)).toEqual(authored);
	});
});

describe('the tour in a story file', () => {
	const withTour = (tour: unknown) => {
		const events = JSON.parse(readFileSync(DEFAULT_FILES.events, 'utf8')) as Record<
			string,
			unknown
		>;
		return validateStory(
			storyFiles({
				events: { name: 'events.geojson', contents: JSON.stringify({ ...events, tour }) }
			}),
			storyLookup
		);
	};

	it('is read into the story', () => {
		const result = withTour([
			{ event: 'kryvyi-rih-strike', caption: 'Where it began' },
			{ event: 'invasion' }
		]);
		expect(result.ok && result.story.tour?.map((s) => s.event)).toEqual([
			'kryvyi-rih-strike',
			'invasion'
		]);
	});

	it('names an unknown event at its step, escaped', () => {
		const result = withTour([{ event: 'no-such\u001b[2J' }]);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.problems).toContainEqual(
				expect.objectContaining({ feature: 'collection', field: 'tour[0].event' })
			);
		if (!result.ok) expect(JSON.stringify(result.problems)).not.toContain('\u001b');
	});
});
