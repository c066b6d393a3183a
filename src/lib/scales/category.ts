import { scaleOrdinal, scaleSqrt } from 'd3-scale';
import { CATEGORIES, type Category } from '../story/schema';

/**
 * Colours per category: distinct for the common kinds of colour blindness (after Okabe-Ito and
 * ColorBrewer Dark2), each at least 3:1 against the pale land it sits on.
 */
const PALETTE: Record<Category, string> = {
	war: '#8c2d04',
	strike: '#d7301f',
	meeting: '#2166ac',
	diplomacy: '#4393c3',
	visit: '#1b7837',
	statement: '#7b3294',
	aid: '#b8860b',
	exchange: '#d95f02',
	detention: '#4d4d4d',
	accident: '#01665e',
	fire: '#c51b7d'
};

/** For a place with no event yet, or a category the palette does not know. */
export const NO_CATEGORY_COLOR = '#666666';

export const categoryColor = scaleOrdinal<Category, string>()
	.domain(CATEGORIES)
	.range(CATEGORIES.map((c) => PALETTE[c]))
	.unknown(NO_CATEGORY_COLOR);

export const CATEGORY_LABELS: Record<Category, string> = {
	war: 'War',
	strike: 'Strike',
	meeting: 'Meeting',
	diplomacy: 'Diplomacy',
	visit: 'Visit',
	statement: 'Statement',
	aid: 'Aid',
	exchange: 'Exchange',
	detention: 'Detention',
	accident: 'Accident',
	fire: 'Fire'
};

/** Circle radius in pixels for a place holding `count` events: area, not radius, grows with count. */
export function placeRadiusScale(maxCount: number) {
	return scaleSqrt()
		.domain([0, 1, Math.max(2, maxCount)])
		.range([0, 7, 17])
		.clamp(true);
}
