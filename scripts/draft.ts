/**
 * npm run draft -- <article.txt> --published YYYY-MM-DD [--title T] [--json] [--out DIR]
 * Drafts a story from an article: its events, the places they use, and every place name found.
 * With --json the last line is one JSON object { title, published, events, places, mentions }:
 * events and places as events.geojson and places.geojson hold them. With --out DIR it writes
 * article.txt, events.geojson and places.geojson, a story folder `npm run check:data -- DIR` takes.
 * The studio's export goes through the same converter (src/lib/studio/story-files.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftInPieces, MAX_ARTICLE_CHARS } from '../src/lib/draft/pieces';
import { draftBundle, draftJson, toFiles } from '../src/lib/studio/story-files';
import { parseIsoDate } from '../src/lib/story/dates';
import { loadGazetteerForNode } from './lib/gazetteer-file';

class UsageError extends Error {}

interface Args {
	file: string;
	published: string;
	title?: string;
	json: boolean;
	out?: string;
}

function parseArgs(argv: string[]): Args {
	let file: string | undefined;
	let published: string | undefined;
	let title: string | undefined;
	let json = false;
	let out: string | undefined;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') continue;
		if (arg === '--json') json = true;
		else if (arg === '--published' || arg === '--title' || arg === '--out') {
			const value = argv[++i];
			if (value === undefined || value.startsWith('--'))
				throw new UsageError(`${arg} needs a value`);
			if (arg === '--published') published = value;
			else if (arg === '--out') out = value;
			else title = value;
		} else if (arg.startsWith('--published=')) published = arg.slice('--published='.length);
		else if (arg.startsWith('--title=')) title = arg.slice('--title='.length);
		else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
		else if (file === undefined) file = arg;
		else throw new UsageError(`one article at a time (got ${file} and ${arg})`);
	}
	if (file === undefined)
		throw new UsageError(
			'usage: npm run draft -- <article.txt> --published YYYY-MM-DD [--title T] [--json] [--out DIR]'
		);
	if (published === undefined) throw new UsageError('--published YYYY-MM-DD is required');
	if (parseIsoDate(published) === null)
		throw new UsageError(`--published "${published}" is not a date (YYYY-MM-DD)`);
	return {
		file,
		published,
		json,
		...(title !== undefined ? { title } : {}),
		...(out !== undefined ? { out } : {})
	};
}

function readArticle(file: string): string {
	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UsageError(
			`${file}: cannot be read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (code ?? 'unknown error')})`
		);
	}
	if (bytes.includes(0)) throw new UsageError(`${file}: is not a text file (it holds NUL bytes)`);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new UsageError(`${file}: is not UTF-8 text; save it again as UTF-8`);
	}
	if (text.trim() === '') throw new UsageError(`${file}: is empty`);
	if (text.length > MAX_ARTICLE_CHARS)
		throw new UsageError(
			`${file}: is ${text.length.toLocaleString('en-GB')} characters; the draft takes articles of up to ${MAX_ARTICLE_CHARS.toLocaleString('en-GB')} (about 400,000 words)`
		);
	return text.replace(/^\uFEFF/, '');
}

function main(argv: string[]): number {
	const args = parseArgs(argv);
	const article = readArticle(args.file);
	const gazetteer = loadGazetteerForNode();
	const started = performance.now();
	const draft = draftInPieces(
		article,
		{ published: args.published, ...(args.title !== undefined ? { title: args.title } : {}) },
		gazetteer
	);
	const ms = performance.now() - started;
	if (draft.mentions.length === 0)
		throw new UsageError(`${args.file}: no place found in the article; nothing to map`);

	console.log(
		`Drafted "${draft.title}" (published ${draft.published}): ${draft.events.length} events at ${draft.placesUsed.length} places, from ${draft.mentions.length} place mentions, in ${ms.toFixed(1)} ms.`
	);
	console.log('');
	for (const e of draft.events) {
		const range = e.start === e.end ? e.start : `${e.start}…${e.end}`;
		const flags = e.inferred.length ? ` (inferred: ${e.inferred.join(', ')})` : '';
		console.log(`  ${range.padEnd(21)} ${e.category.padEnd(9)} ${e.place}: ${e.title}${flags}`);
	}
	console.log('');
	const names = new Map<string, string[]>();
	for (const m of draft.mentions) names.set(m.place, [...(names.get(m.place) ?? []), m.text]);
	console.log(
		`  Places: ${[...names].map(([id, written]) => `${id} (${[...new Set(written)].join(', ')})`).join('; ')}`
	);
	if (args.out !== undefined) {
		mkdirSync(args.out, { recursive: true });
		for (const { name, text } of toFiles(draftBundle(draft, article)))
			writeFileSync(join(args.out, name), text);
		console.log(
			`  Wrote a story folder to ${args.out} (article.txt, events.geojson, places.geojson).`
		);
	}
	if (args.json) console.log(JSON.stringify(draftJson(draft, article)));
	return 0;
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (error) {
	if (error instanceof UsageError) {
		console.error(`draft: ${error.message}`);
		process.exitCode = 1;
	} else {
		console.error(
			`draft failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`
		);
		process.exitCode = 2;
	}
}
