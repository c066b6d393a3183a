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
 * Memory: a million old events are kept as one string each (their fields as JSON), not as objects.
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

/** One old event: its fields as JSON (the key two versions are compared by) and its position. */
interface Kept {
	key: string;
	row: number;
	/** Its excerpt whole, "Row N (id): " included, to give back the old value and keep it if it goes. */
	source: string;
}

export interface UpdateCounts {
	added: number;
	revised: number;
	withdrawn: number;
	/** In the newer file as in the story: moved, perhaps, but not changed. */
	unchanged: number;
}

export class StoryUpdate {
	readonly #old = new Map<string, Kept>();
	readonly #seen = new Set<string>();
	readonly #changes: Change[] = [];
	readonly #counts: UpdateCounts = { added: 0, revised: 0, withdrawn: 0, unchanged: 0 };

	/** `withdrawn`: the story's events its history already withdrew (they stay withdrawn if still gone). */
	constructor(private readonly withdrawn: ReadonlySet<string> = new Set()) {}

	/** One event of the story as it stands, before any of the newer file's. */
	addOld(event: DatasetEvent): void {
		this.#old.set(event.id, {
			key: JSON.stringify(datasetFields(event)),
			row: event.row,
			source: event.source
		});
	}

	get oldCount(): number {
		return this.#old.size;
	}

	/** One event of the newer file, in file order: its change, if it is one, is recorded. */
	addNew(event: DatasetEvent): void {
		this.#seen.add(event.id);
		const kept = this.#old.get(event.id);
		if (!kept) {
			this.#changes.push({ event: event.id, kind: 'added' });
			this.#counts.added++;
			return;
		}
		const back = this.withdrawn.has(event.id);
		if (back) this.#changes.push({ event: event.id, kind: 'added', reason: BACK_IN_SOURCE });
		const fields = datasetFields(event);
		const key = JSON.stringify(fields);
		if (key === kept.key) {
			if (back) this.#counts.added++;
			else this.#counts.unchanged++;
			return;
		}
		const before = JSON.parse(kept.key) as Record<string, unknown>;
		const old: NonNullable<Change['old']> = {};
		for (const [field, value] of Object.entries(fields)) {
			const was = before[field];
			if (JSON.stringify(was) === JSON.stringify(value)) continue;
			// The excerpt's old value is the whole of it, as the file had it.
			old[field as keyof typeof old] = field === 'source' ? [kept.source] : was;
		}
		this.#changes.push({ event: event.id, kind: 'revised', old });
		this.#counts[back ? 'added' : 'revised']++;
	}

	/**
	 * The story's events the newer file no longer has, in the story's order: withdrawn (those not
	 * withdrawn already), and kept in the story, with their last row, so the reader shows them.
	 */
	gone(): DatasetEvent[] {
		const out: DatasetEvent[] = [];
		for (const [id, kept] of this.#old) {
			if (this.#seen.has(id)) continue;
			const fields = JSON.parse(kept.key) as Omit<DatasetEvent, 'id' | 'row' | 'source'>;
			out.push({ ...fields, id, row: kept.row, source: kept.source });
		}
		return out;
	}

	/**
	 * The version the update makes. Call once, after every new event and before or after `gone`:
	 * the withdrawals are recorded here.
	 */
	version(id: string, time: string, at: number, note: string): Version {
		for (const [event] of this.#old) {
			if (this.#seen.has(event) || this.withdrawn.has(event)) continue;
			this.#changes.push({ event, kind: 'withdrawn', reason: NO_LONGER_IN_SOURCE });
			this.#counts.withdrawn++;
		}
		return { id, time, at, note, changes: this.#changes };
	}

	get counts(): Readonly<UpdateCounts> {
		return this.#counts;
	}
}
