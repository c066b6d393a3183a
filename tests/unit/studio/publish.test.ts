import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILES } from '../../../scripts/lib/story-files';
import { readHistory } from '../../../src/lib/story/history-read';
import { eventFieldsOf, unrecordedChanges } from '../../../src/lib/story/version-check';
import { editEvent, fromStory, review, type StudioProject } from '../../../src/lib/studio/project';
import {
	missingNotes,
	openPublished,
	proposeVersion,
	publishVersion,
	type Answer,
	type VersionInput
} from '../../../src/lib/studio/publish';
import { projectStory } from '../../helpers/story-files';

const seedHistory = readFileSync(join(DEFAULT_FILES.events, '..', 'history.json'), 'utf8');

function opened(history: string | null = seedHistory): StudioProject {
	const result = openPublished(fromStory(projectStory()), history);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.project;
}

const moved = (p: StudioProject) => editEvent(p, 'kellogg-denial', { place: 'moscow' });
const deleted = (p: StudioProject) => review(p, 'peskov-expectations', 'rejected');
const noted = (p: StudioProject) =>
	editEvent(p, 'invasion', {
		notes: [{ correction: 'It began on 24 February 2022.', reportedBy: 'AP' }]
	});

const input = (answers: Record<string, Answer> = {}, note = 'Fixes.'): VersionInput => ({
	note,
	time: '2026-01-05',
	answers
});

describe('proposeVersion', () => {
	it.each([
		['nothing changed', (p: StudioProject) => p, []],
		[
			'a place changed',
			moved,
			[{ event: 'kellogg-denial', kind: 'revised', fields: ['coordinates', 'inferred', 'place'] }]
		],
		[
			'an event deleted',
			deleted,
			[{ event: 'peskov-expectations', kind: 'withdrawn', fields: [] }]
		],
		['a note added', noted, [{ event: 'invasion', kind: 'revised', fields: [] }]]
	] as const)('%s', (_, edit, expected) => {
		const project = edit(opened());
		const proposal = proposeVersion(project, project.lastPublished!);
		expect(proposal.problems).toEqual([]);
		expect(
			proposal.changes.map((c) => ({
				event: c.event,
				kind: c.kind,
				fields: c.fields.map((f) => f.field).sort()
			}))
		).toEqual(expected);
	});

	it('gives a revised field its old value and its new one', () => {
		const project = moved(opened());
		const [change] = proposeVersion(project, project.lastPublished!).changes;
		expect(change!.fields.find((f) => f.field === 'place')).toEqual({
			field: 'place',
			old: 'washington',
			now: 'moscow'
		});
		expect(change!.title).toBe(project.events.find((e) => e.id === 'kellogg-denial')!.title);
	});

	it('takes an added note as a correction already written', () => {
		const project = noted(opened());
		expect(proposeVersion(project, project.lastPublished!).changes[0]!.newNotes).toEqual([0]);
	});

	it('refuses a note rewritten, naming the event', () => {
		const base = opened();
		const notes = base.events.find((e) => e.id === 'prisoner-exchange')!.notes;
		const project = editEvent(base, 'prisoner-exchange', {
			notes: [{ ...notes[0]!, correction: 'Something else.' }, ...notes.slice(1)]
		});
		const { problems } = proposeVersion(project, project.lastPublished!);
		expect(problems.map((p) => [p.feature, p.field])).toEqual([['prisoner-exchange', 'notes']]);
	});

	it('does not withdraw again an event a version already withdrew', () => {
		const history = JSON.parse(seedHistory);
		history.versions.push({
			id: '3',
			time: '2025-04-14',
			note: 'A withdrawal.',
			changes: [{ event: 'peskov-expectations', kind: 'withdrawn', reason: 'Misquoted.' }]
		});
		const project = deleted(opened(JSON.stringify(history)));
		expect(proposeVersion(project, project.lastPublished!).changes).toEqual([]);
	});
});

describe('missingNotes', () => {
	const both = deleted(moved(opened()));
	const proposal = proposeVersion(both, both.lastPublished!);
	const correction = { correction: 'It was in Moscow.', reportedBy: 'Reuters' };
	it.each([
		[
			'no notes at all',
			input({}, ''),
			[
				'Give this version a note',
				'(peskov-expectations) is withdrawn: give the reason.',
				'(kellogg-denial) is corrected: say what was wrong'
			]
		],
		[
			'a correction with no reporter',
			input({
				'kellogg-denial': { note: { correction: 'x' } },
				'peskov-expectations': { reason: 'Misquoted.' }
			}),
			['(kellogg-denial) is corrected: say what was wrong and who reported it']
		],
		[
			'an update needs no correction note',
			input({
				'kellogg-denial': { correction: false },
				'peskov-expectations': { reason: '  ' }
			}),
			['(peskov-expectations) is withdrawn']
		],
		[
			'every note given',
			input({
				'kellogg-denial': { note: correction },
				'peskov-expectations': { reason: 'Misquoted.' }
			}),
			[]
		]
	] as const)('%s', (_, given, expected) => {
		const missing = missingNotes(proposal, given);
		expect(missing).toHaveLength(expected.length);
		expected.forEach((part, i) => expect(missing[i]).toContain(part));
	});

	it('refuses a version with nothing in it', () => {
		const project = opened();
		expect(missingNotes(proposeVersion(project, project.lastPublished!), input())).toEqual([
			'Nothing changed since the last version.'
		]);
	});
});

describe('publishVersion', () => {
	const answers = {
		'kellogg-denial': { note: { correction: 'It was in Moscow.', reportedBy: 'Reuters' } },
		'peskov-expectations': { reason: 'The quote was from another briefing.' }
	};

	function publish(project: StudioProject, given = input(answers)) {
		const result = publishVersion(
			project,
			project.lastPublished!,
			proposeVersion(project, project.lastPublished!),
			given
		);
		if (!result.ok) throw new Error(result.missing.join('\n'));
		return result;
	}

	it('writes version 3 of the seed, with a correction, a revision and a withdrawal', () => {
		const result = publish(deleted(moved(opened())));
		const version = result.history.versions.at(-1)!;
		expect([version.id, version.time, version.note]).toEqual(['3', '2026-01-05', 'Fixes.']);
		expect(version.changes).toEqual([
			{
				event: 'peskov-expectations',
				kind: 'withdrawn',
				reason: 'The quote was from another briefing.'
			},
			{
				event: 'kellogg-denial',
				kind: 'revised',
				// The editor's move also settles the place the article left unsaid.
				old: expect.objectContaining({ place: 'washington', inferred: ['place', 'date'] })
			},
			{ event: 'kellogg-denial', kind: 'corrected', note: 0 }
		]);
	});

	it('exports files that pass check:data’s test of a new version', () => {
		const before = opened();
		const result = publish(deleted(moved(before)));
		const file = (name: string) => result.files.find((f) => f.name === name)!.text;
		expect(result.files.map((f) => f.name)).toEqual([
			'events.geojson',
			'places.geojson',
			'article.txt',
			'history.json'
		]);
		const events = eventFieldsOf(JSON.parse(file('events.geojson')))!;
		// The withdrawn event stays in the file, for readers to see struck through.
		expect(events.has('peskov-expectations')).toBe(true);
		expect(events.get('kellogg-denial')!.notes).toEqual([
			{ correction: 'It was in Moscow.', reportedBy: 'Reuters' }
		]);
		const read = readHistory(file('history.json'), { has: (id) => events.has(id) });
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const previous = new Map(Object.entries(before.lastPublished!.events));
		expect(unrecordedChanges(previous, events, read.history)).toEqual([]);
	});

	it('makes the new version the next one’s baseline', () => {
		const result = publish(deleted(moved(opened())));
		const next = result.project;
		expect(proposeVersion(next, next.lastPublished!).changes).toEqual([]);
	});

	it('starts a history for a story that had none, the opened story as version 1', () => {
		const result = publish(moved(opened(null)), input({ 'kellogg-denial': { correction: false } }));
		expect(result.history.versions.map((v) => [v.id, v.changes.length])).toEqual([
			['1', 0],
			['2', 1]
		]);
	});

	it('refuses while a note is missing, naming the event', () => {
		const project = deleted(moved(opened()));
		const result = publishVersion(
			project,
			project.lastPublished!,
			proposeVersion(project, project.lastPublished!),
			input({ 'kellogg-denial': { correction: false } })
		);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.missing.join()).toContain('peskov-expectations');
	});
});
