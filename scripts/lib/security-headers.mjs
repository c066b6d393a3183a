// Security headers for static hosts, made from the build itself: each prerendered page's
// Content-Security-Policy <meta> tag (which holds that page's script hashes) becomes a response
// header, with the directives a <meta> tag cannot carry added from svelte.config.js. Pure
// functions; scripts/write-headers.mjs reads the build and writes the files.
import { createHash } from 'node:crypto';

/** @typedef {[name: string, sources: string[]]} Directive */
/** @typedef {{ paths: string[], policy: string }} Page */
/** @typedef {[name: string, value: string]} Header */
/** @typedef {{ path: string, headers: Header[] }} HeaderRule */

/** Directives a <meta> policy cannot carry (browsers ignore them there; SvelteKit leaves them out). */
export const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];

/** Sent with every response. Cache-Control and the policy are added per path. */
/** @type {Header[]} */
export const COMMON_HEADERS = [
	['X-Content-Type-Options', 'nosniff'],
	['Referrer-Policy', 'strict-origin-when-cross-origin'],
	[
		'Permissions-Policy',
		'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()'
	],
	['Cross-Origin-Opener-Policy', 'same-origin']
];

/** Vite names everything under it by its content hash: it never changes under the same name. */
export const IMMUTABLE = {
	prefix: '/_app/immutable/',
	cache: 'public, max-age=31536000, immutable'
};

/** Cloudflare Pages reads at most this many rules from `_headers`. */
export const CLOUDFLARE_RULE_LIMIT = 100;

// Keywords and hashes are quoted in a policy, as SvelteKit writes them.
const KEYWORDS = new Set([
	'self',
	'none',
	'unsafe-eval',
	'unsafe-hashes',
	'unsafe-inline',
	'strict-dynamic',
	'report-sample',
	'wasm-unsafe-eval',
	'script'
]);

/** @param {string} source as in svelte.config.js: `self`, `sha256-…`, `https://example.org` */
export function quoteSource(source) {
	return KEYWORDS.has(source) || /^(nonce|sha\d{3})-/.test(source) ? `'${source}'` : source;
}

/**
 * @param {string} policy `default-src 'self'; img-src 'self' data:`
 * @returns {Directive[]} in order; names lower-cased; a repeated directive is dropped, as browsers do
 */
export function parsePolicy(policy) {
	/** @type {Directive[]} */
	const directives = [];
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (!name) continue;
		const key = name.toLowerCase();
		if (!directives.some(([n]) => n === key)) directives.push([key, sources]);
	}
	return directives;
}

/** @param {Directive[]} directives */
export function formatPolicy(directives) {
	return directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The directives of svelte.config.js's `kit.csp.directives` that only a header can carry, quoted.
 * @param {Record<string, unknown>} configDirectives
 * @returns {Directive[]}
 */
export function headerOnlyDirectives(configDirectives) {
	/** @type {Directive[]} */
	const out = [];
	for (const name of HEADER_ONLY) {
		const value = configDirectives[name];
		if (Array.isArray(value) && value.length > 0)
			out.push([name, value.map(String).map(quoteSource)]);
		else if (value === true) out.push([name, []]);
	}
	return out;
}

/**
 * A page's header policy: its <meta> policy, then the header-only directives it lacks.
 * @param {string} metaPolicy
 * @param {Directive[]} headerOnly
 */
export function headerPolicy(metaPolicy, headerOnly) {
	const directives = parsePolicy(metaPolicy);
	for (const [name, sources] of headerOnly)
		if (!directives.some(([n]) => n === name)) directives.push([name, sources]);
	return formatPolicy(directives);
}

/** @param {string} text an attribute value as written in HTML */
function decodeAttribute(text) {
	return text
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
		.replace(/&amp;/g, '&');
}

/**
 * The policy of a page's `<meta http-equiv="content-security-policy">`, or null without one.
 * @param {string} html
 */
export function metaPolicy(html) {
	for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
		if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>/]/i.test(tag)) continue;
		const content = /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
		if (content) return decodeAttribute(content[1] ?? content[2] ?? '');
	}
	return null;
}

/**
 * The values of the style attributes in an HTML page.
 * @param {string} html
 */
export function htmlStyleAttributes(html) {
	const values = [];
	for (const [tag] of html.matchAll(/<[a-z][^\s/>]*(?:\s[^>]*)?>/gi)) {
		const style = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(tag);
		if (style) values.push(decodeAttribute(style[1] ?? style[2] ?? style[3] ?? ''));
	}
	return values;
}

/**
 * The style attributes in the HTML templates of built JavaScript (Svelte compiles markup into
 * template strings that the browser parses, and a style attribute there is an inline style).
 * @param {string} js
 */
export function scriptStyleAttributes(js) {
	const values = [];
	for (const match of js.matchAll(/<[a-z][\w-]*\s[^<>]*?\sstyle=\\?"([^"\\]*)\\?"/gi))
		values.push(decodeAttribute(match[1] ?? ''));
	return values;
}

/** @param {string} text */
export function sha256Source(text) {
	return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Whether a policy lets a style attribute with this value through (CSP 3: style-src-attr, else
 * style-src, else default-src; a hash counts only with 'unsafe-hashes', and 'unsafe-inline' only
 * without any hash or nonce).
 * @param {string} policy
 * @param {string} value
 */
export function allowsStyleAttribute(policy, value) {
	const directives = new Map(parsePolicy(policy));
	const sources =
		directives.get('style-src-attr') ??
		directives.get('style-src') ??
		directives.get('default-src');
	if (!sources) return true;
	const hashed = sources.some((s) => /^'(nonce|sha\d{3})-/.test(s));
	if (sources.includes("'unsafe-inline'") && !hashed) return true;
	return sources.includes("'unsafe-hashes'") && sources.includes(sha256Source(value));
}

/**
 * The URL paths a built HTML file answers: `stories/index.html` is `/stories/` and
 * `/stories/index.html`; `base` is the sub-path the site is served under (`/atlas/`).
 * @param {string} file relative to the build folder, with forward slashes
 * @param {string} [base]
 */
export function pagePaths(file, base = '/') {
	const root = siteRoot(base);
	if (file === 'index.html') return [root, `${root}index.html`];
	if (file.endsWith('/index.html')) {
		const dir = `${root}${file.slice(0, -'index.html'.length)}`;
		return [dir, `${dir}index.html`];
	}
	return [`${root}${file}`, `${root}${file.replace(/\.html$/, '')}`];
}

/**
 * `/atlas` or `atlas/` → `/atlas/`; `/` or `` → `/`.
 * @param {string} base
 */
function siteRoot(base) {
	const trimmed = base.replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

/** @param {string} text */
function assertHeaderSafe(text) {
	if (/["\r\n]/.test(text))
		throw new Error(`not allowed in a header line: ${JSON.stringify(text)}`);
	return text;
}

/**
 * `_headers` for Netlify and Cloudflare Pages. A header that several matching rules set is sent
 * with their values joined by commas, which for a policy would mean two policies: so the policy is
 * only on the pages' own paths, never on `/*`.
 * @param {Page[]} pages
 * @param {{ base?: string, note?: string }} [options]
 */
export function netlifyHeaders(pages, { base = '/', note = '' } = {}) {
	const root = siteRoot(base);
	const lines = [
		'# Response headers for Netlify and Cloudflare Pages, written by scripts/write-headers.mjs from',
		"# this build's own policies (each page's <meta> tag, which holds its script hashes, plus what a",
		'# <meta> tag cannot carry). Deploy it with the build it came from; rebuild rather than edit it.',
		...(note ? [`# ${note}`] : []),
		'',
		`${root}*`,
		...COMMON_HEADERS.map(([name, value]) => `  ${name}: ${assertHeaderSafe(value)}`),
		'',
		`${root}${IMMUTABLE.prefix.slice(1)}*`,
		`  Cache-Control: ${IMMUTABLE.cache}`
	];
	for (const page of pages)
		for (const path of page.paths)
			lines.push('', path, `  Content-Security-Policy: ${assertHeaderSafe(page.policy)}`);
	return `${lines.join('\n')}\n`;
}

/**
 * How many rules a `_headers` text holds (Cloudflare Pages reads 100).
 * @param {string} text
 */
export function ruleCount(text) {
	return parseHeadersFile(text).length;
}

/**
 * An nginx snippet for the `server { }` block that serves the build. nginx drops the server's
 * add_header lines in a location that has its own, so each location repeats them.
 * @param {Page[]} pages
 * @param {{ base?: string, note?: string, files?: string[] }} [options] files: paths to hide (the
 *   headers files themselves)
 */
export function nginxHeaders(pages, { base = '/', note = '', files = [] } = {}) {
	const root = siteRoot(base);
	/** @param {Header[]} headers @param {string} indent */
	const add = (headers, indent) =>
		headers.map(
			([name, value]) => `${indent}add_header ${name} "${assertHeaderSafe(value)}" always;`
		);
	/** @param {string} path */
	const location = (path) => {
		if (!/^\/[\w./~%-]*$/.test(path)) throw new Error(`unsafe path for nginx: ${path}`);
		return path;
	};
	const lines = [
		'# Response headers for nginx, written by scripts/write-headers.mjs from this build',
		"# (each page's <meta> policy, which holds its script hashes, plus what a <meta> tag cannot carry).",
		'# Include it in the server { } block whose root is this folder:',
		'#     include /path/to/build/nginx-headers.conf;',
		'# It holds hashes of this build: deploy it with the build and reload nginx (nginx -s reload),',
		'# or the new pages will be refused their own scripts. A location of yours with its own',
		'# add_header lines loses the ones below, as nginx does: add them there too.',
		...(note ? [`# ${note}`] : []),
		'',
		...add(COMMON_HEADERS, ''),
		'',
		// ^~: a regex location of yours (say for *.js) must not take these files from it.
		`location ^~ ${location(`${root}${IMMUTABLE.prefix.slice(1)}`)} {`,
		...add([...COMMON_HEADERS, ['Cache-Control', IMMUTABLE.cache]], '\t'),
		"\t# MapLibre's worker is a module (.mjs), which a browser runs only if it comes as JavaScript;",
		"\t# older mime.types (Debian 12's nginx) do not list .mjs. The headers above apply here too.",
		'\tlocation ~ \\.mjs$ {',
		'\t\ttypes { }',
		'\t\tdefault_type text/javascript;',
		'\t}',
		'}'
	];
	// A request for a folder is answered by its index.html through an internal redirect, and
	// headers come from the location that finally serves the file: so the match is on index.html.
	for (const page of pages) {
		const file = page.paths.find((p) => p.endsWith('.html')) ?? page.paths[0] ?? root;
		lines.push(
			'',
			`location = ${location(file)} {`,
			...add(
				[
					...COMMON_HEADERS,
					// nginx sends no Cache-Control of its own: make browsers ask again, so a deploy shows
					['Cache-Control', 'no-cache'],
					['Content-Security-Policy', page.policy]
				],
				'\t'
			),
			'}'
		);
	}
	for (const file of files)
		lines.push('', `location = ${location(`${root}${file}`)} {`, '\treturn 404;', '}');
	return `${lines.join('\n')}\n`;
}

/**
 * Reads a `_headers` file (Netlify / Cloudflare Pages format): a path on its own line, then its
 * headers indented, `Name: value`; `#` starts a comment.
 * @param {string} text
 * @returns {HeaderRule[]}
 */
export function parseHeadersFile(text) {
	/** @type {HeaderRule[]} */
	const rules = [];
	for (const raw of text.split(/\r?\n/)) {
		const line = raw.replace(/\s+$/, '');
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			rules.push({ path: line.trim(), headers: [] });
			continue;
		}
		const rule = rules.at(-1);
		const colon = line.indexOf(':');
		if (!rule || colon < 0) throw new Error(`not a header line: ${line}`);
		rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
	}
	return rules;
}

/**
 * The headers a request path gets from `_headers` rules, as Netlify and Cloudflare Pages apply
 * them: every matching rule (`*` matches anything, also nothing); one header set by several rules
 * has their values joined by `, `.
 * @param {HeaderRule[]} rules
 * @param {string} path
 * @returns {Record<string, string>} names lower-cased
 */
export function headersFor(rules, path) {
	/** @type {Record<string, string>} */
	const out = {};
	for (const rule of rules) {
		const pattern = new RegExp(
			`^${rule.path
				.split('*')
				.map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
				.join('.*')}$`
		);
		if (!pattern.test(path)) continue;
		for (const [name, value] of rule.headers) {
			const key = name.toLowerCase();
			out[key] = key in out ? `${out[key]}, ${value}` : value;
		}
	}
	return out;
}
