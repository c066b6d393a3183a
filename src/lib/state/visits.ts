/**
 * Which version of each story this browser last showed, in local storage: kept here, sent
 * nowhere, no account. Storage that is missing, disabled (it throws on access), full (it throws
 * on write) or holding anything else reads as "no visit", so the page works and shows no banner.
 */

/** What is kept per story: the version shown, and when (milliseconds since 1970). */
export interface Visit {
	version: string;
	at: number;
}

const PREFIX = 'story-atlas:seen:';
const MAX_VERSION = 40;

/** The browser's local storage, or null where reading it throws (disabled, sandboxed). */
export function browserStorage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** The last visit to the story `key` this storage remembers, or null. */
export function readVisit(storage: Storage | null, key: string): Visit | null {
	let text: string | null;
	try {
		text = storage?.getItem(PREFIX + key) ?? null;
	} catch {
		return null;
	}
	if (text === null || text.length > 200) return null;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	if (typeof value !== 'object' || value === null) return null;
	const { version, at } = value as Record<string, unknown>;
	if (typeof version !== 'string' || version.length === 0 || version.length > MAX_VERSION)
		return null;
	if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return null;
	return { version, at };
}

/** Remembers that the story `key` was shown at `version`; false where storage refuses. */
export function recordVisit(storage: Storage | null, key: string, visit: Visit): boolean {
	if (!storage) return false;
	try {
		storage.setItem(PREFIX + key, JSON.stringify(visit));
		return true;
	} catch {
		return false;
	}
}
