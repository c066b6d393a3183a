import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
	clearPasted,
	clearProject,
	loadFolderPreview,
	loadPasted,
	loadProject,
	openStudioDb,
	saveFolderPreview,
	savePasted,
	saveProject
} from '../../../src/lib/studio/autosave';
import type { StudioProject } from '../../../src/lib/studio/project';

const project: StudioProject = {
	version: 1,
	title: 'Aid for Ukraine',
	published: '2025-04-12',
	article: 'Elsewhere in Europe, defence ministers on Friday approved more aid.',
	places: [],
	events: []
};

describe('the pasted article, kept before drafting starts', () => {
	it('reads back the headline, date and article after a reload, apart from the project', async () => {
		const factory = new IDBFactory();
		const db = await openStudioDb(factory);
		expect(await loadPasted(db)).toBeNull();
		const pasted = { title: 'Aid', published: '2025-04-12', article: 'x'.repeat(1_000_000) };
		await savePasted(db, pasted);
		db.close();
		const again = await openStudioDb(factory);
		expect(await loadPasted(again)).toEqual(pasted);
		expect(await loadProject(again, 'current')).toBeNull();
		await clearPasted(again);
		expect(await loadPasted(again)).toBeNull();
	});
});

describe('autosave', () => {
	it('reads back what it saved, after the database is opened again (a reload)', async () => {
		const factory = new IDBFactory();
		const db = await openStudioDb(factory);
		expect(await loadProject(db, 'current')).toBeNull();
		await saveProject(db, 'current', project, 1000);
		db.close();
		const again = await openStudioDb(factory);
		expect(await loadProject(again, 'current')).toEqual({ project, savedAt: 1000 });
		expect(await loadProject(again, 'preview')).toBeNull();
	});

	it('keeps the latest of several saves, and forgets on clear', async () => {
		const db = await openStudioDb(new IDBFactory());
		await saveProject(db, 'current', project, 1);
		await saveProject(db, 'current', { ...project, title: 'Second' }, 2);
		expect((await loadProject(db, 'current'))?.project.title).toBe('Second');
		await clearProject(db, 'current');
		expect(await loadProject(db, 'current')).toBeNull();
	});

	it.each([
		['another version', { ...project, version: 2 }],
		['no article', { ...project, article: undefined }],
		['events that are not a list', { ...project, events: 'x' }]
	])('ignores a saved project with %s rather than opening it half-read', async (_, bad) => {
		const db = await openStudioDb(new IDBFactory());
		await saveProject(db, 'current', bad as unknown as StudioProject, 1);
		expect(await loadProject(db, 'current')).toBeNull();
	});
});

describe('a big import’s story folder, kept for the atlas’s preview', () => {
	it('reads back every file, apart from the project’s slots', async () => {
		const factory = new IDBFactory();
		const db = await openStudioDb(factory);
		expect(await loadFolderPreview(db)).toBeNull();
		const files = {
			'events.arrow': new Blob([new Uint8Array([1, 2, 3])]),
			'text/0.json': new Blob(['[]'])
		};
		await saveFolderPreview(db, {
			title: 'Imported from ged.csv',
			published: '2025-04-12',
			events: 2_500,
			places: 4,
			files
		});
		db.close();
		const again = await openStudioDb(factory);
		const kept = await loadFolderPreview(again);
		expect(kept).toMatchObject({ title: 'Imported from ged.csv', events: 2_500, places: 4 });
		expect(Object.keys(kept!.files)).toEqual(['events.arrow', 'text/0.json']);
		expect(await kept!.files['text/0.json']!.text()).toBe('[]');
		expect(await loadProject(again, 'preview')).toBeNull();
	});
});
