/**
 * A guided tour of a story: an ordered list of its events, each a step with an optional caption
 * and camera. The story may give one (the `tour` member of events.geojson); without it, the tour
 * is the story in time order.
 */
import { isRecord } from '../story/json-file';
import { quote } from '../story/text';
import type { ProblemList } from '../story/problems';
import type { StoryEvent, TourCamera, TourStep } from '../story/types';

export const MAX_TOUR_STEPS = 500;
const MAX_CAPTION = 400;

function camera(value: unknown): TourCamera | null | undefined {
	if (value === undefined) return null;
	if (!isRecord(value)) return undefined;
	const { zoom, lat, lon } = value;
	const ok =
		typeof zoom === 'number' &&
		typeof lat === 'number' &&
		typeof lon === 'number' &&
		zoom >= 0 &&
		zoom <= 22 &&
		Math.abs(lat) <= 85 &&
		Math.abs(lon) <= 180;
	return ok ? { zoom, lat, lon } : undefined;
}

/**
 * Reads the `tour` member: undefined when the story gives none, else its steps, every problem
 * reported at its step. Bounded: a tour longer than any story needs is refused, not walked.
 */
export function readTour(
	value: unknown,
	eventIds: ReadonlySet<string>,
	problems: ProblemList
): TourStep[] | undefined {
	if (value === undefined) return undefined;
	if (!Array.isArray(value)) {
		problems.add('must be a list of steps like { "event": "an-event-id" }.', 'collection', 'tour');
		return undefined;
	}
	if (value.length > MAX_TOUR_STEPS) {
		problems.add(
			`has ${value.length} steps; the limit is ${MAX_TOUR_STEPS}.`,
			'collection',
			'tour'
		);
		return undefined;
	}
	const steps: TourStep[] = [];
	const seen = new Set<string>();
	value.forEach((raw: unknown, index) => {
		const field = `tour[${index}]`;
		if (!isRecord(raw) || typeof raw.event !== 'string') {
			problems.add('needs an "event": the id of one of the story’s events.', 'collection', field);
			return;
		}
		const id = quote(raw.event);
		if (!eventIds.has(raw.event)) {
			problems.add(`${id} is not an event of this story.`, 'collection', `${field}.event`);
			return;
		}
		if (seen.has(raw.event)) {
			problems.add(`${id} is already a step of the tour.`, 'collection', `${field}.event`);
			return;
		}
		seen.add(raw.event);
		const caption = raw.caption;
		if (caption !== undefined && (typeof caption !== 'string' || caption.length > MAX_CAPTION)) {
			problems.add(
				`must be text of at most ${MAX_CAPTION} characters.`,
				'collection',
				`${field}.caption`
			);
			return;
		}
		const view = camera(raw.camera);
		if (view === undefined) {
			problems.add(
				'must be { "zoom": 0–22, "lat": -85–85, "lon": -180–180 }.',
				'collection',
				`${field}.camera`
			);
			return;
		}
		steps.push({ event: raw.event, caption: caption?.trim() || null, camera: view });
	});
	return steps;
}

/** Without an authored tour, the story in time order, the background first as it comes. */
export function tourSteps(
	events: readonly Pick<StoryEvent, 'id'>[],
	authored: readonly TourStep[] | null | undefined
): TourStep[] {
	if (authored && authored.length > 0) return [...authored];
	return events.map((e) => ({ event: e.id, caption: null, camera: null }));
}
