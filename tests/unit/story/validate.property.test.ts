import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateStory } from '../../../src/lib/story/validate';
import { DEFAULT_FILES } from '../../../scripts/lib/story-files';
import { storyLookup } from '../../helpers/story-files';

const events = JSON.parse(readFileSync(DEFAULT_FILES.events, 'utf8'));
const places = readFileSync(DEFAULT_FILES.places, 'utf8');
const article = readFileSync(DEFAULT_FILES.article, 'utf8');
const count = events.features.length as number;

type Story = typeof events;

function check(eventsContents: string | Uint8Array) {
	return validateStory(
		{
			events: { name: 'events.geojson', contents: eventsContents },
			places: { name: 'places.geojson', contents: places },
			article: { name: 'article.txt', contents: article }
		},
		storyLookup
	);
}

const REQUIRED = [
	'id',
	'title',
	'summary',
	'category',
	'actors',
	'start',
	'end',
	'when',
	'place',
	'source',
	'background'
];
const wrongValue = fc.oneof(
	fc.integer(),
	fc.double(),
	fc.constant(null),
	fc.boolean(),
	fc.array(fc.integer(), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 })
);
const impossibleDate = fc.oneof(
	fc.constantFrom(
		'2025-02-30',
		'2025-02-29',
		'2023-13-01',
		'2025-00-10',
		'2025-04-31',
		'9999-99-99',
		'2025-4-1',
		'11 April 2025',
		''
	),
	fc
		.tuple(
			fc.integer({ min: 1900, max: 2100 }),
			fc.integer({ min: 13, max: 99 }),
			fc.integer({ min: 1, max: 28 })
		)
		.map(([y, m, d]) => `${y}-${m}-${String(d).padStart(2, '0')}`)
);

/** Each mutation makes a valid story invalid in one way a real file goes wrong. */
const featureMutation: fc.Arbitrary<(story: Story) => void> = fc.oneof(
	fc
		.tuple(fc.nat(count - 1), fc.constantFrom(...REQUIRED), wrongValue)
		.map(([i, field, value]) => (s: Story) => {
			// true and false are both valid for `background`: a boolean there is not a wrong type.
			s.features[i].properties[field] =
				field === 'background' && typeof value === 'boolean' ? 'yes' : value;
		}),
	fc.tuple(fc.nat(count - 1), fc.constantFrom(...REQUIRED)).map(([i, field]) => (s: Story) => {
		delete s.features[i].properties[field];
	}),
	fc
		.tuple(fc.nat(count - 1), fc.constantFrom(NaN, Infinity, 1e308, -1e308, 181, -91, 1e-9 + 30))
		.map(([i, v]) => (s: Story) => {
			s.features[i].geometry.coordinates = [v, v];
		}),
	// Swapped from the original point: swapping the current one twice would undo itself.
	fc.nat(count - 1).map((i) => (s: Story) => {
		const [lon, lat] = events.features[i].geometry.coordinates;
		s.features[i].geometry.coordinates = [lat, lon];
	}),
	fc
		.tuple(fc.nat(count - 1), fc.constantFrom('start', 'end'), impossibleDate)
		.map(([i, field, date]) => (s: Story) => {
			s.features[i].properties[field] = date;
		}),
	fc
		.tuple(fc.nat(count - 1), fc.integer({ min: 1, max: count - 1 }))
		.map(([i, offset]) => (s: Story) => {
			s.features[i].properties.id = s.features[(i + offset) % count].properties.id;
		}),
	fc.tuple(fc.nat(count - 1), fc.integer({ min: 2, max: 2000 })).map(([i, depth]) => (s: Story) => {
		let nested: unknown = 'deep';
		for (let d = 0; d < depth; d++) nested = [nested];
		s.features[i].properties.source = nested;
	}),
	fc.nat(count - 1).map((i) => (s: Story) => {
		const source = s.features[i].properties.source;
		s.features[i].properties.source = [
			...(Array.isArray(source) ? source : []),
			'A sentence the article never wrote.'
		];
	})
);

/** Mutations of the collection itself; applied last, as they remove what the others change. */
const collectionMutation: fc.Arbitrary<(story: Story) => void> = fc.constantFrom(
	(s: Story) => (s.type = 'Feature'),
	(s: Story) => (s.features = []),
	(s: Story) => (s.crs = { type: 'name', properties: { name: 'EPSG:3857' } }),
	(s: Story) => delete s.features
);

describe('validateStory under mutation (property-based)', () => {
	it('rejects every story with one or more breaking mutations, and never throws', () => {
		fc.assert(
			fc.property(
				fc.array(featureMutation, { maxLength: 4 }),
				fc.option(collectionMutation, { freq: 5 }),
				(mutations, last) => {
					fc.pre(mutations.length > 0 || last !== null);
					const story = structuredClone(events);
					for (const mutate of mutations) mutate(story);
					last?.(story);
					const result = check(JSON.stringify(story));
					expect(result.ok).toBe(false);
				}
			),
			{ numRuns: 3000 }
		);
	});

	it('rejects 10 MB strings in any text field without throwing', () => {
		const huge = 'x'.repeat(10 * 1024 * 1024);
		for (const field of ['title', 'summary', 'when', 'place', 'id']) {
			const story = structuredClone(events);
			story.features[3].properties[field] = huge;
			expect(check(JSON.stringify(story)).ok).toBe(false);
		}
	});

	// Bytes that never occur in UTF-8: a continuation byte such as 0x80 may still decode.
	it('rejects bytes that are not UTF-8, wherever they are', () => {
		const bytes = new TextEncoder().encode(JSON.stringify(events));
		fc.assert(
			fc.property(
				fc.nat(bytes.length - 1),
				fc.constantFrom(0xff, 0xfe, 0xc0, 0xc1, 0xf8),
				(at, bad) => {
					const copy = bytes.slice();
					copy[at] = bad;
					expect(check(copy).ok).toBe(false);
				}
			),
			{ numRuns: 500 }
		);
	});

	it('never throws on arbitrary JSON, and accepts none of it', () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
				expect(check(JSON.stringify(value) ?? 'null').ok).toBe(false);
			}),
			{ numRuns: 1000 }
		);
	});

	it('never throws on arbitrary text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (text) => {
				expect(() => check(text)).not.toThrow();
			}),
			{ numRuns: 1000 }
		);
	});
});
