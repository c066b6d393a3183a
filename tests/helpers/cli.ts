/** Runs the project's scripts as a user does, through vite-node, for the command-line tests. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const root = resolve(import.meta.dirname, '../..');
const viteNode = join(root, 'node_modules/.bin/vite-node');

export function runScript(script: string, args: string[]) {
	const result = spawnSync(
		viteNode,
		['--config', 'scripts/vite.config.ts', script, '--', ...args],
		{
			cwd: root,
			encoding: 'utf8'
		}
	);
	return { code: result.status, out: result.stdout, err: result.stderr };
}

/** A scratch folder removed after the file's tests. */
export function scratchFolder(prefix: string): string {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
	return folder;
}

/** `npm run import -- FILE --published 2025-04-12 … --out DIR`, each run into a new folder. */
export function importer(scratch: string) {
	let folders = 0;
	return (file: string, ...args: string[]) => {
		const dir = join(scratch, `out-${++folders}`);
		return {
			...runScript('scripts/import.ts', [file, '--published', '2025-04-12', ...args, '--out', dir]),
			dir
		};
	};
}
