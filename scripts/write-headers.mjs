// Runs after `vite build` (npm run build): writes build/_headers (Netlify, Cloudflare Pages) and
// build/nginx-headers.conf from the built pages' own Content-Security-Policy <meta> tags plus the
// header-only directives of svelte.config.js, so the headers cannot drift from the pages. Fails
// if a page has no policy or if a style attribute in a page or a script is not allowed by it.
//
//   node scripts/write-headers.mjs [--dir build] [--base /atlas/]
//
// --base: the sub-path the site is served under on its host (paths in the files start with it).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import config from '../svelte.config.js';
import {
	CLOUDFLARE_RULE_LIMIT,
	allowsStyleAttribute,
	headerOnlyDirectives,
	headerPolicy,
	htmlStyleAttributes,
	metaPolicy,
	netlifyHeaders,
	nginxHeaders,
	pagePaths,
	ruleCount,
	scriptStyleAttributes
} from './lib/security-headers.mjs';

const { values: args } = parseArgs({
	options: { dir: { type: 'string', default: 'build' }, base: { type: 'string', default: '/' } }
});
const dir = args.dir ?? 'build';
const base = args.base ?? '/';

/** @param {string} folder @returns {string[]} */
const walk = (folder) =>
	readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? walk(join(folder, e.name)) : [join(folder, e.name)]
	);
const files = walk(dir).map((f) => relative(dir, f).split(sep).join('/'));

const headerOnly = headerOnlyDirectives(
	/** @type {Record<string, unknown>} */ (config.kit?.csp?.directives ?? {})
);
const problems = [];
const pages = [];
for (const file of files.filter((f) => f.endsWith('.html')).sort()) {
	const html = readFileSync(join(dir, file), 'utf8');
	const policy = metaPolicy(html);
	if (!policy) {
		problems.push(`${file}: no Content-Security-Policy <meta> tag`);
		continue;
	}
	for (const style of htmlStyleAttributes(html))
		if (!allowsStyleAttribute(policy, style))
			problems.push(`${file}: style="${style}" is not allowed by the page's style-src`);
	pages.push({ file, paths: pagePaths(file, base), policy: headerPolicy(policy, headerOnly) });
}
if (pages.length === 0) problems.push(`${dir}: no pages`);

// Markup the client renders carries its style attributes in the scripts' templates.
const scriptStyles = new Set(
	files
		.filter((f) => /\.m?js$/.test(f))
		.flatMap((f) => scriptStyleAttributes(readFileSync(join(dir, f), 'utf8')))
);
for (const style of scriptStyles)
	for (const page of pages)
		if (!allowsStyleAttribute(page.policy, style))
			problems.push(
				`${page.file}: a script renders style="${style}", which the page's style-src does not allow` +
					' (hash it in svelte.config.js, or style it with a class)'
			);

if (problems.length > 0) {
	console.error(`write-headers: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
	process.exit(1);
}

const HEADERS_FILE = '_headers';
const NGINX_FILE = 'nginx-headers.conf';
const headers = netlifyHeaders(pages, { base });
writeFileSync(join(dir, HEADERS_FILE), headers);
writeFileSync(
	join(dir, NGINX_FILE),
	nginxHeaders(pages, { base, files: [HEADERS_FILE, NGINX_FILE] })
);
console.log(
	`write-headers: ${dir}/${HEADERS_FILE} and ${dir}/${NGINX_FILE} for ${pages.length} pages` +
		` (frame-ancestors ${headerOnly.find(([n]) => n === 'frame-ancestors')?.[1].join(' ') ?? 'not set'})`
);
const rules = ruleCount(headers);
if (rules > CLOUDFLARE_RULE_LIMIT)
	console.warn(
		`write-headers: ${rules} rules in ${HEADERS_FILE}; Cloudflare Pages reads only the first ${CLOUDFLARE_RULE_LIMIT}`
	);
