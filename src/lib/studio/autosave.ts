/**
 * The studio's work, kept in the browser's IndexedDB: written on every change, read back after a
 * reload, a closed tab or a crash. Nothing leaves the machine. The factory is a parameter so the
 * tests run against an in-memory IndexedDB.
 */
import { isRecord } from '../story/json-file';
import { PROJECT_VERSION, type StudioProject } from './project';

const DB_NAME = 'story-atlas-studio';
const STORE = 'projects';

/** The work in progress, and the copy the atlas opens as a preview. */
export type SlotName = 'current' | 'preview';

export interface Saved {
	project: StudioProject;
	savedAt: number;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

export function openStudioDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
	const open = factory.open(DB_NAME, 1);
	open.onupgradeneeded = () => open.result.createObjectStore(STORE);
	return request(open);
}

/** Resolves once the write is durable: after that, a crash loses nothing. */
export function saveProject(
	db: IDBDatabase,
	slot: SlotName,
	project: StudioProject,
	now = Date.now()
): Promise<number> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
		tx.objectStore(STORE).put({ project, savedAt: now } satisfies Saved, slot);
		tx.oncomplete = () => resolve(now);
		tx.onerror = () => reject(tx.error ?? new Error('could not save'));
		tx.onabort = () => reject(tx.error ?? new Error('saving was aborted'));
	});
}

function isProject(value: unknown): value is StudioProject {
	return (
		isRecord(value) &&
		value.version === PROJECT_VERSION &&
		typeof value.article === 'string' &&
		typeof value.title === 'string' &&
		typeof value.published === 'string' &&
		Array.isArray(value.places) &&
		Array.isArray(value.events)
	);
}

/** The saved project, or null when there is none or it is not one this version can read. */
export async function loadProject(db: IDBDatabase, slot: SlotName): Promise<Saved | null> {
	const tx = db.transaction(STORE, 'readonly');
	const value: unknown = await request(tx.objectStore(STORE).get(slot));
	if (!isRecord(value) || !isProject(value.project) || typeof value.savedAt !== 'number')
		return null;
	return { project: value.project, savedAt: value.savedAt };
}

/** What was pasted to draft: kept before drafting starts, so a crash mid-draft loses nothing. */
export interface PastedArticle {
	title: string;
	/** As typed: YYYY-MM-DD, or what the field held. */
	published: string;
	article: string;
}

const PASTED = 'pasted';

/** Resolves once the pasted article and headline are durable. */
export function savePasted(db: IDBDatabase, pasted: PastedArticle): Promise<void> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
		tx.objectStore(STORE).put({ ...pasted }, PASTED);
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error ?? new Error('could not save'));
		tx.onabort = () => reject(tx.error ?? new Error('saving was aborted'));
	});
}

/** The article last pasted to draft, or null. */
export async function loadPasted(db: IDBDatabase): Promise<PastedArticle | null> {
	const tx = db.transaction(STORE, 'readonly');
	const value: unknown = await request(tx.objectStore(STORE).get(PASTED));
	if (
		!isRecord(value) ||
		typeof value.title !== 'string' ||
		typeof value.published !== 'string' ||
		typeof value.article !== 'string'
	)
		return null;
	return { title: value.title, published: value.published, article: value.article };
}

export function clearPasted(db: IDBDatabase): Promise<void> {
	const tx = db.transaction(STORE, 'readwrite');
	return request(tx.objectStore(STORE).delete(PASTED)).then(() => undefined);
}

export function clearProject(db: IDBDatabase, slot: SlotName): Promise<void> {
	const tx = db.transaction(STORE, 'readwrite');
	return request(tx.objectStore(STORE).delete(slot)).then(() => undefined);
}

/** Where the story folder the studio wrote for a big import is kept for the atlas's preview. */
const FOLDER_PREVIEW = 'preview-folder';

/** A big import's story folder, as the atlas's preview opens it (`/studio/preview/?folder`). */
export interface FolderPreview {
	title: string;
	published: string;
	events: number;
	places: number;
	/** The folder's files by their paths in it. */
	files: Record<string, Blob>;
}

export function saveFolderPreview(db: IDBDatabase, preview: FolderPreview): Promise<void> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction(STORE, 'readwrite');
		tx.objectStore(STORE).put({ ...preview }, FOLDER_PREVIEW);
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error ?? new Error('could not save'));
		tx.onabort = () => reject(tx.error ?? new Error('saving was aborted'));
	});
}

/** The folder kept for the preview, or null when there is none or it is not one. */
export async function loadFolderPreview(db: IDBDatabase): Promise<FolderPreview | null> {
	const tx = db.transaction(STORE, 'readonly');
	const value: unknown = await request(tx.objectStore(STORE).get(FOLDER_PREVIEW));
	if (
		!isRecord(value) ||
		typeof value.title !== 'string' ||
		typeof value.published !== 'string' ||
		typeof value.events !== 'number' ||
		typeof value.places !== 'number' ||
		!isRecord(value.files) ||
		!Object.values(value.files).every((file) => file instanceof Blob)
	)
		return null;
	return value as unknown as FolderPreview;
}
