/**
 * Where the slider's keys go. Arrows move a day; Page Up and Page Down jump to the next or previous
 * day on which something starts or ends (a larger step that never skips an event); Home and End go
 * to the ends.
 */
export function keyStep(
	key: string,
	day: number,
	extent: { first: number; last: number },
	changeDays: readonly number[]
): number | null {
	const clamp = (d: number) => Math.min(extent.last, Math.max(extent.first, d));
	switch (key) {
		case 'ArrowRight':
		case 'ArrowUp':
			return clamp(day + 1);
		case 'ArrowLeft':
		case 'ArrowDown':
			return clamp(day - 1);
		case 'PageUp':
			return clamp(changeDays.find((d) => d > day) ?? extent.last);
		case 'PageDown':
			return clamp([...changeDays].reverse().find((d) => d < day) ?? extent.first);
		case 'Home':
			return extent.first;
		case 'End':
			return extent.last;
		default:
			return null;
	}
}
