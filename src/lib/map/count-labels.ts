/**
 * The aggregates' counts as a DOM overlay over the map. MapLibre's text is a layout property and
 * cannot read feature-state, so a count drawn by a symbol layer would re-tile the source on every
 * move of the date; these few hundred elements are re-texted instead, and moved with the map the
 * way MapLibre moves its markers. Hidden from screen readers: the page's live region says the
 * counts.
 */
import type { EventGrid } from '../derive/event-grid';
import { shortCount } from './aggregates';
import {
	LABEL_FONT_PX,
	LABEL_MARGIN_PX,
	placeLabels,
	type LabelCandidate,
	type View
} from './label-layout';

/** The slice of MapLibre's Map the overlay needs; a stub stands in for it in tests. */
export interface LabelMap {
	project(at: [number, number]): { x: number; y: number };
	unproject(at: [number, number]): { lng: number; lat: number };
	getCanvasContainer(): HTMLElement;
}

export class CountLabels {
	readonly #map: LabelMap;
	readonly #view: () => View;
	readonly #root: HTMLElement;
	/** The element of each labelled cell, kept while the cell stays labelled. */
	readonly #spans = new Map<number, { element: HTMLElement; text: string; at: string }>();
	readonly #spare: HTMLElement[] = [];
	#grid: EventGrid | null = null;
	#counts: Int32Array | null = null;

	constructor(map: LabelMap, view: () => View) {
		this.#map = map;
		this.#view = view;
		const container = map.getCanvasContainer();
		this.#root = container.ownerDocument.createElement('div');
		this.#root.className = 'count-labels';
		this.#root.setAttribute('aria-hidden', 'true');
		this.#root.style.cssText =
			'position:absolute;inset:0;overflow:hidden;pointer-events:none;' +
			`font:${LABEL_FONT_PX}px/1 'Open Sans Regular',var(--font,sans-serif);color:#fff;`;
		container.append(this.#root);
	}

	/** The band's grid and the day's counts (read again at each draw), or nothing to label. */
	show(grid: EventGrid | null, counts: Int32Array | null): void {
		this.#grid = grid;
		this.#counts = counts;
	}

	/** Labels the cells on screen where they are now: after a move, a resize or a new day. */
	draw(): void {
		const shown = this.#candidates();
		const placed = placeLabels(shown, this.#view());
		const keep = new Set<number>();
		for (const label of placed) {
			keep.add(label.cell);
			let span = this.#spans.get(label.cell);
			if (!span) {
				span = { element: this.#spare.pop() ?? this.#make(), text: '', at: '' };
				this.#spans.set(label.cell, span);
				this.#root.append(span.element);
			}
			if (span.text !== label.text) {
				span.text = label.text;
				span.element.textContent = label.text;
			}
			// A new day moves nothing: only what changed is written, so the browser restyles no more.
			const at = `translate(${Math.round(label.x)}px,${Math.round(label.y)}px) translate(-50%,-50%)`;
			if (span.at !== at) {
				span.at = at;
				span.element.style.transform = at;
			}
		}
		for (const [cell, span] of this.#spans) {
			if (keep.has(cell)) continue;
			span.element.remove();
			this.#spare.push(span.element);
			this.#spans.delete(cell);
		}
	}

	/** What is labelled now, by cell: for tests and for anyone inspecting the page. */
	labels(): Map<number, string> {
		return new Map([...this.#spans].map(([cell, { text }]) => [cell, text]));
	}

	destroy(): void {
		this.#root.remove();
	}

	#make(): HTMLElement {
		const element = this.#root.ownerDocument.createElement('span');
		element.style.cssText = 'position:absolute;left:0;top:0;white-space:nowrap;';
		return element;
	}

	/** Cells with events by the day, on screen or within the margin, where the map draws them. */
	#candidates(): LabelCandidate[] {
		const grid = this.#grid;
		const counts = this.#counts;
		if (!grid || !counts) return [];
		const { width, height } = this.#view();
		// No rotation or pitch on this map: the screen, with its margin, is a lon/lat box.
		const m = LABEL_MARGIN_PX;
		const nw = this.#map.unproject([-m, -m]);
		const se = this.#map.unproject([width + m, height + m]);
		const candidates: LabelCandidate[] = [];
		for (let c = 0; c < counts.length; c++) {
			const count = counts[c]!;
			if (count === 0) continue;
			const lon = grid.lon[c]!;
			const lat = grid.lat[c]!;
			if (lon < nw.lng || lon > se.lng || lat > nw.lat || lat < se.lat) continue;
			const { x, y } = this.#map.project([lon, lat]);
			candidates.push({ cell: c, x, y, count, text: shortCount(count) });
		}
		return candidates;
	}
}
