/**
 * The inputs of issue 12, each a real failure once: files in another schema with a hundred
 * thousand problems, ids that are deep lists, 10 MB long or full of terminal escapes, bidi tricks
 * and years before 100. Made from the minimal example, so the default story's places and article
 * complete them (as `npm run check:data FILE` does).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;

const minimal = () =>
	JSON.parse(readFileSync('tests/fixtures/minimal/events.geojson', 'utf8')) as {
		features: Array<{ properties: Json }>;
		[member: string]: unknown;
	};

/** The minimal events file with its one event (and collection) changed. */
function withEvent(change: (properties: Json, collection: Json) => void): string {
	const collection = minimal();
	change(collection.features[0]!.properties, collection);
	return JSON.stringify(collection);
}

/** Clears the screen, homes the cursor, prints a fake pass line and writes the clipboard. */
export const TERMINAL_ESCAPES =
	'\u001b[2J\u001b[H✓ aid: 1 event and 1 place check out.\u001b]52;c;cm0gLXJmIH4=\u0007';
/** Shows as "Arrest exe.file end" where the override is honoured. */
export const BIDI_TITLE = 'Arrest \u202Eelif.exe\u202C end';
export const ACLED_FEATURES = 12_000;
/** Per ACLED-like feature: the 11 required fields missing, and `notes` a text, not a list. */
export const ACLED_PROBLEMS_EACH = 12;

const EVENT_TYPES = ['Battles', 'Protests', 'Riots'];

/** A conflict-event export with its own property names: 12,000 features, about 2.4 MB. */
function acledLike(count = ACLED_FEATURES): string {
	const features = [];
	for (let i = 0; i < count; i++) {
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [(3339 + (i % 100)) / 100, 47.91] },
			properties: {
				event_id_cnty: `UKR${100000 + i}`,
				event_date: `2025-04-0${1 + (i % 9)}`,
				event_type: EVENT_TYPES[i % EVENT_TYPES.length],
				notes: 'Shelling.',
				fatalities: i % 5
			}
		});
	}
	return JSON.stringify({ type: 'FeatureCollection', features });
}

export const HOSTILE: Record<string, () => string> = {
	'acled.events.geojson': () => acledLike(),
	// Built as text: JSON.stringify itself overflows the stack on a list this deep.
	'deep-id.events.geojson': () =>
		withEvent((p) => (p.id = '__deep__')).replace(
			'"__deep__"',
			'['.repeat(100_000) + '"x"' + ']'.repeat(100_000)
		),
	'huge-id.events.geojson': () => withEvent((p) => (p.id = 'x'.repeat(10 * 1024 * 1024))),
	'escapes.events.geojson': () =>
		withEvent((p) => {
			p.id = TERMINAL_ESCAPES;
			p.category = '\u001b]52;c;cm0gLXJmIH4=\u0007';
		}),
	'bidi-title.events.geojson': () => withEvent((p) => (p.title = BIDI_TITLE)),
	'year-0050.events.geojson': () =>
		withEvent((p, c) => {
			[p.start, p.end] = ['0050-04-11', '0050-04-11'];
			c.published = '0050-04-12';
		}),
	'leap-0050.events.geojson': () => withEvent((p) => (p.start = '0050-02-29'))
};

/**
 * Whether text holds what must never reach a screen raw: a control character other than a line
 * break (C0, DEL, C1), or a bidi override or isolate.
 */
export function actsOnScreen(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c !== 0x0a && (c <= 0x1f || (c >= 0x7f && c <= 0x9f))) return true;
		if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
	}
	return false;
}

export function hostileFile(name: string): { name: string; contents: string } {
	const make = HOSTILE[name];
	if (!make) throw new Error(`no hostile file called ${name}`);
	return { name, contents: make() };
}

/** Writes the hostile files into `dir`, for the command-line tests; returns the folder. */
export function writeHostileFiles(dir: string): string {
	mkdirSync(dir, { recursive: true });
	for (const name of Object.keys(HOSTILE))
		writeFileSync(join(dir, name), hostileFile(name).contents);
	return dir;
}
