/**
 * The aggregates' counts as a DOM overlay over the map, and the keyboard's way to them. MapLibre's
 * text is a layout property and cannot read feature-state, so a count drawn by a symbol layer
 * would re-tile the source on every move of the date; these few hundred elements are re-texted
 * instead, and moved with the map the way MapLibre moves its markers.
 *
 * Each label is also a key: one roving group (Tab enters it once, at its biggest count; arrows
 * move between keys by where they are on screen; Enter or Space does what a click on the circle
 * does; Escape hands focus back to the map). Zoomed in, the same group holds a key with no text
 * over each place's circle. Only the key in the Tab order is in the accessibility tree, and only
 * it is named, when it becomes that key and when it is focused: a scrub re-texts labels but
 * names none. Labels take no pointer events, so a press on one reaches the map: a drag across it
 * pans, a click chooses the circle under it.
 */
import { LABEL_FONT_PX, placeLabels, type LabelCandidate, type View } from './label-layout';
import { ARROWS, neighbour, nearestTo } from './map-keys';

/** The slice of MapLibre's Map the overlay needs; a stub stands in for it in tests. */
export interface LabelMap {
	project(at: [number, number]): { x: number; y: number };
	unproject(at: [number, number]): { lng: number; lat: number };
	getCanvasContainer(): HTMLElement;
	/** The map's own focusable canvas, where Escape sends focus. */
	getCanvas(): HTMLElement;
}

/** What the overlay keys: the aggregates' cells, or the places once each event is drawn. */
export interface KeySource {
	/** `counts` show their text; `places` are keys with no text over circles the map draws. */
	readonly kind: 'counts' | 'places';
	/** What there is to label on screen (or within the layout's margin), where the map draws it. */
	candidates(): LabelCandidate[];
	/** Where an item is, so focus can follow it when the labels are laid out again. */
	at(id: number): [number, number];
	/** The item's name for a screen reader, as of now. */
	name(id: number): string;
	/** Enter or Space on its key: what a click on its circle does. */
	choose(id: number): void;
}

/** How a group introduces itself when focus enters it. */
const GROUP_NAME: Record<KeySource['kind'], string> = {
	counts: 'Event counts on the map: arrow keys move between them, Enter zooms in, Escape leaves',
	places: 'Places on the map: arrow keys move between them, Enter opens one, Escape leaves'
};

/** What the live region says when the focused key had to go. */
const GONE: Record<KeySource['kind'], string> = {
	counts: 'That count is no longer on the map.',
	places: 'That place is no longer on the map.'
};

interface Key {
	element: HTMLElement;
	text: string;
	at: string;
	x: number;
	y: number;
}

export class CountLabels {
	readonly #map: LabelMap;
	readonly #view: () => View;
	readonly #say: (message: string) => void;
	readonly #root: HTMLElement;
	/** The element of each labelled item, kept while the item stays labelled. */
	readonly #keys = new Map<number, Key>();
	readonly #spare: HTMLElement[] = [];
	#source: KeySource | null = null;
	/** The labels of the last draw, in layout order: where the arrows look. */
	#placed: LabelCandidate[] = [];
	/** The one key in the Tab order: the focused one, else the biggest count on screen. */
	#entry: number | null = null;
	/** The focused key and where on the map it is, kept while focus is in the group. */
	#focused: { id: number; at: [number, number] } | null = null;
	/** Set while this overlay removes an element itself, so its blur does not end the focus. */
	#removing = false;
	/** The focused key was removed: the next draw gives focus to the nearest key. */
	#refocus = false;
	/** Why focus had to move, when the reader asked for it (Enter zoomed in). */
	#chose = false;

	/** `say`: a message for the page's live region. */
	constructor(map: LabelMap, view: () => View, say: (message: string) => void) {
		this.#map = map;
		this.#view = view;
		this.#say = say;
		const container = map.getCanvasContainer();
		this.#root = container.ownerDocument.createElement('div');
		this.#root.className = 'count-labels';
		// A roving group of keys on a surface with no reading order: arrows belong to it.
		this.#root.setAttribute('role', 'application');
		this.#root.style.cssText =
			'position:absolute;inset:0;overflow:hidden;pointer-events:none;' +
			`font:${LABEL_FONT_PX}px/1 'Open Sans Regular',var(--font,sans-serif);color:#fff;`;
		this.#root.addEventListener('keydown', (event) => this.#key(event));
		this.#root.addEventListener('focusin', (event) => this.#focus(event.target));
		this.#root.addEventListener('focusout', (event) => {
			if (this.#removing) return;
			if (this.#root.contains(event.relatedTarget as Node | null)) return;
			this.#focused = null;
			this.#chose = false;
		});
		container.append(this.#root);
	}

	/** What to label (read again at each draw), or nothing. */
	show(source: KeySource | null): void {
		if (source === this.#source) return;
		this.#source = source;
		this.#root.dataset.kind = source?.kind ?? '';
		if (source) this.#root.setAttribute('aria-label', GROUP_NAME[source.kind]);
		else this.#root.removeAttribute('aria-label');
		// An id means another thing in another source: every key goes, and focus moves in draw().
		for (const id of [...this.#keys.keys()]) this.#release(id);
		this.#entry = null;
	}

	/** Labels what is on screen where it is now: after a move, a resize or a new day. */
	draw(): void {
		const source = this.#source;
		const placed = source ? placeLabels(source.candidates(), this.#view()) : [];
		const keep = new Set<number>();
		for (const label of placed) {
			keep.add(label.cell);
			let key = this.#keys.get(label.cell);
			if (!key) {
				const element = this.#spare.pop() ?? this.#make();
				// A spare keeps its last text: a count's, maybe, and a place's key must not show it.
				key = { element, text: element.textContent ?? '', at: '', x: 0, y: 0 };
				key.element.dataset.id = String(label.cell);
				this.#keys.set(label.cell, key);
				this.#root.append(key.element);
			}
			key.x = label.x;
			key.y = label.y;
			if (key.text !== label.text) {
				key.text = label.text;
				key.element.textContent = label.text;
			}
			// A new day moves nothing: only what changed is written, so the browser restyles no more.
			const at = `translate(${Math.round(label.x)}px,${Math.round(label.y)}px) translate(-50%,-50%)`;
			if (key.at !== at) {
				key.at = at;
				key.element.style.transform = at;
			}
		}
		for (const id of [...this.#keys.keys()]) if (!keep.has(id)) this.#release(id);
		this.#placed = placed;
		if (this.#refocus) this.#refocusNearest();
		else if (this.#entry === null || !keep.has(this.#entry)) this.#enter(placed[0]?.cell ?? null);
		else if (this.#focused) this.rename();
	}

	/** The focused key's name again, its count or the day having changed under it. */
	rename(): void {
		const id = this.#focused?.id;
		const key = id === undefined ? undefined : this.#keys.get(id);
		if (key && id !== undefined && this.#source)
			key.element.setAttribute('aria-label', this.#source.name(id));
	}

	/** What is labelled now, by cell: for tests and for anyone inspecting the page. */
	labels(): Map<number, string> {
		return new Map([...this.#keys].map(([cell, { text }]) => [cell, text]));
	}

	destroy(): void {
		this.#root.remove();
	}

	#make(): HTMLElement {
		const element = this.#root.ownerDocument.createElement('span');
		element.style.cssText = 'position:absolute;left:0;top:0;white-space:nowrap;';
		element.setAttribute('role', 'button');
		this.#leave(element);
		return element;
	}

	/** Out of the Tab order and the accessibility tree: one of the keys the arrows reach. */
	#leave(element: HTMLElement): void {
		element.tabIndex = -1;
		element.setAttribute('aria-hidden', 'true');
		element.removeAttribute('aria-label');
	}

	#release(id: number): void {
		const key = this.#keys.get(id)!;
		if (key.element === key.element.ownerDocument.activeElement) this.#refocus = true;
		if (id === this.#entry) {
			this.#leave(key.element);
			this.#entry = null;
		}
		this.#removing = true;
		try {
			key.element.remove();
		} finally {
			this.#removing = false;
		}
		this.#spare.push(key.element);
		this.#keys.delete(id);
	}

	/** Makes `id`'s key the one in the Tab order, named. */
	#enter(id: number | null): void {
		if (id === this.#entry) return;
		const old = this.#entry === null ? undefined : this.#keys.get(this.#entry);
		if (old) this.#leave(old.element);
		this.#entry = id;
		const key = id === null ? undefined : this.#keys.get(id);
		if (!key || id === null || !this.#source) return;
		key.element.tabIndex = 0;
		key.element.removeAttribute('aria-hidden');
		key.element.setAttribute('aria-label', this.#source.name(id));
	}

	#focus(target: EventTarget | null): void {
		const id = Number((target as HTMLElement | null)?.dataset?.id);
		if (!this.#source || !this.#keys.has(id)) return;
		this.#enter(id);
		this.#focused = { id, at: this.#source.at(id) };
		this.rename();
	}

	#moveFocus(id: number): void {
		// The root clips its overflow: a key at the edge must not scroll the labels off their circles.
		this.#keys.get(id)?.element.focus({ preventScroll: true });
	}

	#key(event: KeyboardEvent): void {
		const id = this.#focused?.id;
		const source = this.#source;
		if (id === undefined || !source || event.altKey || event.ctrlKey || event.metaKey) return;
		const direction = ARROWS[event.key];
		if (direction) {
			const from = this.#placed.findIndex((label) => label.cell === id);
			const to = neighbour(this.#placed, from, direction);
			if (to !== null) this.#moveFocus(this.#placed[to]!.cell);
		} else if (event.key === 'Enter' || event.key === ' ') {
			// A count's zoom lays its keys out anew: the next loss of focus is the reader's doing.
			this.#chose = source.kind === 'counts';
			source.choose(id);
		} else if (event.key === 'Escape') {
			this.#map.getCanvas().focus();
		} else return;
		// Handled here: MapLibre, listening on the same container, must not also pan or zoom.
		event.preventDefault();
		event.stopPropagation();
	}

	/** The focused key was laid out away: focus goes to the key nearest where it was, and the page says why. */
	#refocusNearest(): void {
		this.#refocus = false;
		const lost = this.#focused;
		const chose = this.#chose;
		this.#chose = false;
		if (!lost || !this.#source) return;
		const kind = this.#source.kind;
		const next = nearestTo(this.#placed, this.#map.project(lost.at));
		if (next === null) {
			this.#enter(null);
			this.#map.getCanvas().focus();
			this.#say(
				`${chose ? 'Zoomed in.' : GONE[kind]} Nothing to choose here: the map itself has focus.`
			);
			return;
		}
		this.#enter(this.#placed[next]!.cell);
		this.#say(chose ? (kind === 'places' ? 'Zoomed in on its places.' : 'Zoomed in.') : GONE[kind]);
		this.#moveFocus(this.#placed[next]!.cell);
	}
}
