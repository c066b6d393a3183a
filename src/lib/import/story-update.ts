/**
 * A newer file of a dataset against the story imported from an older one (`npm run import --
 * NEWER.csv --into DIR`): matched by the events' ids, which are the slugs of the dataset's stable
 * ids (rows-to-events.ts), and turned into one version of the story's history (history.ts). A row
 * that is new is added; a row whose fields changed is revised, with their old values; a row gone
 * from the file is withdrawn, and its event kept so the reader still shows it, struck through.
 *
 * The row's number and the "Row N (id): " its excerpt begins with say where the row sits in its
 * file, not what it says: a row that only moved is no revision, or every update would revise the
 * whole story and the history would stop being small.
 *
 * Memory: a million old events are kept as a hash each; the story is read a second time for the
 * old values of the few that changed and the events of the rows gone.
 */
import type { Change, Version } from '../story/history';
import type { EventFields } from '../story/version-check';
import { withoutRowPrefix } from '../story/version-check';
import type { ImportedEvent } from './rows-to-events';

/** The reason every event gone from the newer file is withdrawn with. */
export const NO_LONGER_IN_SOURCE = 'no longer in the source';
/** The reason an event withdrawn before, found in the newer file again, comes back with. */
export const BACK_IN_SOURCE = 'back in the source';

/** An event of a dataset's story, as the importer writes it and reads it back, either form. */
export type DatasetEvent = Omit<ImportedEvent, 'geocoded'>;

/**
 * The fields an update compares and a revision records, as the story's GeoJSON file holds them
 * (`source` is the list of excerpts), without the row's position. Insertion order is fixed, so
 * two equal events give one JSON string.
 */
export function datasetFields(event: DatasetEvent): EventFields {
	return {
		title: event.title,
		summary: event.summary,
		category: event.category,
		actors: event.actors,
		start: event.start,
		end: event.end,
		when: event.when,
		place: event.place,
		coordinates: event.coordinates,
		source: [withoutRowPrefix(event.source)]
	};
}

/**
 * A 53-bit hash of a string (cyrb53, after bryc): an old event is kept as the hash of its fields'
 * JSON, so a million of them cost two numbers each, not a string the collector walks. Two
 * different JSON strings share one with a chance of about 1 in 2^53 per event compared.
 */
function hash53(text: string): number {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const hashOf = (event: DatasetEvent) => hash53(JSON.stringify(datasetFields(event)));

export interface UpdateCounts {
	added: number;
	revised: number;
	withdrawn: number;
	/** In the newer file as in the story: moved, perhaps, but not changed. */
	unchanged: number;
}

/**
 * Use: every old event (`addOld`), every new one (`addNew`), then the old events once more
 * (`resolve`), of which only the changed and the gone are kept; then `gone` and `version`.
 */
export class StoryUpdate {
	/** Each old event's place in the story, its fields' hash at that place. */
	readonly #old = new Map<string, number>();
	#hashes = new Float64Array(1024);
	/** Which old events the newer file has, by their place: a million ids kept once, not twice. */
	#seen = new Uint8Array(0);
	/** The new events whose fields differ from the old, by id, until `resolve` reads the old. */
	readonly #differ = new Map<string, DatasetEvent>();
	readonly #changes: Change[] = [];
	#gone: DatasetEvent[] = [];
	#resolved = false;
	readonly #counts: UpdateCounts = { added: 0, revised: 0, withdrawn: 0, unchanged: 0 };

	/** `withdrawn`: the story's events its history already withdrew (they stay withdrawn if still gone). */
	constructor(private readonly withdrawn: ReadonlySet<string> = new Set()) {}

	/** One event of the story as it stands, before any of the newer file's. */
	addOld(event: DatasetEvent): void {
		const at = this.#old.size;
		if (at === this.#hashes.length) {
			const bigger = new Float64Array(at * 2);
			bigger.set(this.#hashes);
			this.#hashes = bigger;
		}
		this.#hashes[at] = hashOf(event);
		this.#old.set(event.id, at);
	}

	get oldCount(): number {
		return this.#old.size;
	}

	/** One event of the newer file, in file order: its change, if it is one, is recorded. */
	addNew(event: DatasetEvent): void {
		const at = this.#old.get(event.id);
		if (this.#seen.length < this.#old.size) this.#seen = new Uint8Array(this.#old.size);
		if (at !== undefined) this.#seen[at] = 1;
		if (at === undefined) {
			this.#changes.push({ event: event.id, kind: 'added' });
			this.#counts.added++;
			return;
		}
		const back = this.withdrawn.has(event.id);
		if (back) this.#changes.push({ event: event.id, kind: 'added', reason: BACK_IN_SOURCE });
		if (hashOf(event) === this.#hashes[at]) {
			if (back) this.#counts.added++;
			else this.#counts.unchanged++;
			return;
		}
		// Its old values are read in `resolve`; its place in the changes is kept now, in file order.
		this.#differ.set(event.id, event);
		this.#changes.push({ event: event.id, kind: 'revised', old: {} });
		this.#counts[back ? 'added' : 'revised']++;
	}

	/**
	 * The story's events once more, as `addOld` had them: the revised events' old values are taken
	 * from them, and the events the newer file no longer has are kept, whole.
	 */
	resolve(old: Iterable<DatasetEvent>): void {
		const revisions = new Map<string, Change>();
		for (const change of this.#changes)
			if (change.kind === 'revised') revisions.set(change.event, change);
		for (const event of old) {
			const now = this.#differ.get(event.id);
			if (now) revisions.get(event.id)!.old = oldValues(event, now);
			else if (!this.#seen[this.#old.get(event.id)!]) this.#gone.push(event);
		}
		this.#differ.clear();
		this.#resolved = true;
	}

	/**
	 * The story's events the newer file no longer has, in the story's order: withdrawn (those not
	 * withdrawn already), and kept in the story, with their last row, so the reader shows them.
	 */
	gone(): DatasetEvent[] {
		if (!this.#resolved) throw new Error('StoryUpdate.gone before resolve');
		return this.#gone;
	}

	/** The version the update makes, once `resolve` has run: the withdrawals are recorded here. */
	version(id: string, time: string, at: number, note: string): Version {
		if (!this.#resolved) throw new Error('StoryUpdate.version before resolve');
		for (const event of this.#gone) {
			if (this.withdrawn.has(event.id)) continue;
			this.#changes.push({ event: event.id, kind: 'withdrawn', reason: NO_LONGER_IN_SOURCE });
			this.#counts.withdrawn++;
		}
		return { id, time, at, note, changes: this.#changes };
	}

	get counts(): Readonly<UpdateCounts> {
		return this.#counts;
	}
}

/** The fields that differ between an event's old and new versions, with their old values. */
function oldValues(before: DatasetEvent, now: DatasetEvent): NonNullable<Change['old']> {
	const was = datasetFields(before);
	const old: NonNullable<Change['old']> = {};
	for (const [field, value] of Object.entries(datasetFields(now))) {
		if (JSON.stringify(was[field]) === JSON.stringify(value)) continue;
		// The excerpt's old value is the whole of it, as the file had it.
		old[field as keyof typeof old] = field === 'source' ? [before.source] : was[field];
	}
	return old;
}
