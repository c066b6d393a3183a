type Boxed = Pick<HTMLElement, 'getBoundingClientRect'>;

/**
 * The card that crosses a line across its scrolling column (at `line`, a share of the column's
 * height), or else the nearest to it: the scroll-position way to tell which step of a
 * scroll-driven tour is current, where no IntersectionObserver is to be had. -1 for no cards.
 */
export function nearestCard(column: Boxed, cards: readonly Boxed[], line = 0.5): number {
	const box = column.getBoundingClientRect();
	const y = box.top + box.height * line;
	let best = -1;
	let distance = Infinity;
	cards.forEach((card, i) => {
		const r = card.getBoundingClientRect();
		const d = y < r.top ? r.top - y : y > r.bottom ? y - r.bottom : 0;
		if (d < distance) [best, distance] = [i, d];
	});
	return best;
}
