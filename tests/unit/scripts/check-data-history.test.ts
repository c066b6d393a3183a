import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, scratchFolder } from '../../helpers/cli';

/** `npm run check:data` on a story's history, and on a new version against the one before it. */
const seed = 'geodata/stories/witkoff-putin-st-petersburg';
const scratch = scratchFolder('history-check-');
let folders = 0;

function storyWith(
	edit: (
		events: { features: { properties: Record<string, unknown> }[] },
		history: { versions: unknown[] }
	) => void
) {
	const dir = join(scratch, `story-${++folders}`);
	cpSync(seed, dir, { recursive: true });
	const events = JSON.parse(readFileSync(join(dir, 'events.geojson'), 'utf8'));
	const history = JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8'));
	edit(events, history);
	writeFileSync(join(dir, 'events.geojson'), JSON.stringify(events));
	writeFileSync(join(dir, 'history.json'), JSON.stringify(history));
	return dir;
}

const check = (...args: string[]) => runScript('scripts/check-data.ts', args);

describe('check:data and a story’s history', () => {
	it('checks the seed story’s history', () => {
		const { code, out } = check(seed);
		expect(code).toBe(0);
		expect(out).toContain('history.json: 2 versions, the latest "2" of 2025-04-12.');
	});

	it('refuses a history naming an unknown event, naming it', () => {
		const dir = storyWith((_, history) =>
			history.versions.push({
				id: '3',
				time: '2025-04-13',
				note: 'A late correction.',
				changes: [{ event: 'no-such-event', kind: 'withdrawn', reason: 'Wrong.' }]
			})
		);
		const { code, err } = check(dir);
		expect(code).toBe(1);
		expect(err).toContain(
			'history.json › version 3 › change 1 › event: "no-such-event" is not an event of the story.'
		);
	});

	it('refuses, with --previous, a version that drops an event with no withdrawal', () => {
		const before = storyWith(() => {});
		const after = storyWith((events, history) => {
			events.features = events.features.filter((f) => f.properties.id !== 'kellogg-denial');
			history.versions.push({ id: '3', time: '2025-04-13', note: 'Trimmed.', changes: [] });
		});
		const { code, err } = check(after, '--previous', before);
		expect(code).toBe(1);
		expect(err).toMatch(
			/events\.geojson › kellogg-denial: was in the previous version and is gone from the file, with no record/
		);
	});

	it('refuses, with --previous, a field changed with no record, and passes it recorded', () => {
		const before = storyWith(() => {});
		const retitle = (events: { features: { properties: Record<string, unknown> }[] }) => {
			events.features.find((f) => f.properties.id === 'kellogg-denial')!.properties.title =
				'Kellogg denies proposing a partition';
		};
		const unrecorded = storyWith((events, history) => {
			retitle(events);
			history.versions.push({ id: '3', time: '2025-04-13', note: 'Retitled.', changes: [] });
		});
		const failed = check(unrecorded, '--previous', before);
		expect(failed.code).toBe(1);
		expect(failed.err).toMatch(
			/kellogg-denial › title: changed since the previous version with no record/
		);
		const recorded = storyWith((events, history) => {
			const old = events.features.find((f) => f.properties.id === 'kellogg-denial')!.properties
				.title;
			retitle(events);
			history.versions.push({
				id: '3',
				time: '2025-04-13',
				note: 'Retitled.',
				changes: [{ event: 'kellogg-denial', kind: 'revised', old: { title: old } }]
			});
		});
		expect(check(recorded, '--previous', before).code).toBe(0);
	});
});
