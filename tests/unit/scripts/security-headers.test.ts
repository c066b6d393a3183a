import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { compile } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import {
	COMMON_HEADERS,
	allowsStyleAttribute,
	formatPolicy,
	headerOnlyDirectives,
	headerPolicy,
	headersFor,
	htmlStyleAttributes,
	metaPolicy,
	netlifyHeaders,
	nginxHeaders,
	pagePaths,
	parseHeadersFile,
	parsePolicy,
	quoteSource,
	ruleCount,
	scriptStyleAttributes,
	sha256Source
} from '../../../scripts/lib/security-headers.mjs';
import config, { ROUTE_ANNOUNCER_STYLE } from '../../../svelte.config.js';

const require = createRequire(import.meta.url);
const directives = config.kit!.csp!.directives! as Record<string, string[] | undefined>;

/** The policy SvelteKit puts in a page's <meta> tag: the config's directives, quoted, less the header-only ones. */
const configPolicy = formatPolicy(
	Object.entries(directives)
		.filter(([name]) => !['frame-ancestors', 'report-uri', 'sandbox'].includes(name))
		.map(([name, sources]) => [name, (sources ?? []).map(quoteSource)])
);

describe('the route announcer’s style', () => {
	// SvelteKit writes its root component from this file; the announcer's markup is in it.
	const kitRoot = readFileSync(
		join(dirname(require.resolve('@sveltejs/kit/package.json')), 'src/core/sync/write_root.js'),
		'utf8'
	);
	const announcer = /<div id="svelte-announcer"[^>]*>/.exec(kitRoot)?.[0];

	it('is the one svelte.config.js hashes: a SvelteKit that changes it fails here', () => {
		expect(announcer, 'the announcer in @sveltejs/kit').toBeDefined();
		expect(htmlStyleAttributes(announcer!)).toEqual([ROUTE_ANNOUNCER_STYLE]);
		expect(directives['style-src-attr']).toEqual([
			'unsafe-hashes',
			sha256Source(ROUTE_ANNOUNCER_STYLE).slice(1, -1)
		]);
		expect(allowsStyleAttribute(configPolicy, ROUTE_ANNOUNCER_STYLE)).toBe(true);
	});

	it('reaches the browser as written: Svelte compiles it into a template unchanged', () => {
		const { js } = compile(`${announcer}{title}</div>`, { generate: 'client', runes: true });
		expect(scriptStyleAttributes(js.code)).toEqual([ROUTE_ANNOUNCER_STYLE]);
	});
});

describe('the policy in svelte.config.js', () => {
	const policy = new Map(parsePolicy(configPolicy));

	it('allows no inline style or script, no blob: and no frames', () => {
		expect(policy.get('style-src')).toEqual(["'self'"]);
		expect(policy.get('script-src')).toEqual(["'self'"]);
		expect(configPolicy).not.toMatch(/unsafe-inline|unsafe-eval|blob:/);
		expect(policy.get('frame-src')).toEqual(["'none'"]);
		expect(policy.get('object-src')).toEqual(["'none'"]);
		expect(policy.get('base-uri')).toEqual(["'self'"]);
		expect(policy.get('form-action')).toEqual(["'none'"]);
		expect(allowsStyleAttribute(configPolicy, 'background: red')).toBe(false);
	});

	it('has frame-ancestors for the headers only', () => {
		expect(headerOnlyDirectives(directives)).toEqual([['frame-ancestors', ["'self'"]]]);
	});
});

describe('policies', () => {
	it('parse and format back, dropping a repeated directive as browsers do', () => {
		const text = "default-src 'self'; img-src 'self' data:;  IMG-SRC *; upgrade-insecure-requests";
		expect(parsePolicy(text)).toEqual([
			['default-src', ["'self'"]],
			['img-src', ["'self'", 'data:']],
			['upgrade-insecure-requests', []]
		]);
		expect(formatPolicy(parsePolicy(text))).toBe(
			"default-src 'self'; img-src 'self' data:; upgrade-insecure-requests"
		);
	});

	it('quote keywords and hashes, not origins or schemes', () => {
		expect(
			['self', 'none', 'unsafe-hashes', 'sha256-abc=', 'https://a.example', 'data:'].map(
				quoteSource
			)
		).toEqual([
			"'self'",
			"'none'",
			"'unsafe-hashes'",
			"'sha256-abc='",
			'https://a.example',
			'data:'
		]);
	});

	it('take the header-only directives from the config, a partner origin included', () => {
		expect(
			headerOnlyDirectives({
				'frame-ancestors': ['self', 'https://news.example.org'],
				'report-uri': ['https://reports.example.org/csp'],
				sandbox: [],
				'script-src': ['self']
			})
		).toEqual([
			['frame-ancestors', ["'self'", 'https://news.example.org']],
			['report-uri', ['https://reports.example.org/csp']]
		]);
	});

	it('a page’s header policy is its <meta> policy, hashes and all, plus the header-only part', () => {
		const meta = "default-src 'self'; script-src 'self' 'sha256-page1='; style-src 'self'";
		expect(headerPolicy(meta, [['frame-ancestors', ["'self'"]]])).toBe(
			`${meta}; frame-ancestors 'self'`
		);
		// A page that somehow has it already keeps its own.
		expect(headerPolicy(`${meta}; frame-ancestors 'none'`, [['frame-ancestors', ["'self'"]]])).toBe(
			`${meta}; frame-ancestors 'none'`
		);
	});

	it('style attributes pass only by hash with unsafe-hashes, or unsafe-inline without hashes', () => {
		const style = 'width: 1px';
		const hash = sha256Source(style);
		expect(
			allowsStyleAttribute(`style-src 'self'; style-src-attr 'unsafe-hashes' ${hash}`, style)
		).toBe(true);
		expect(allowsStyleAttribute(`style-src 'self' 'unsafe-hashes' ${hash}`, style)).toBe(true);
		expect(allowsStyleAttribute(`style-src 'self' ${hash}`, style)).toBe(false);
		expect(
			allowsStyleAttribute(`style-src 'self'; style-src-attr 'unsafe-hashes' ${hash}`, 'width: 2px')
		).toBe(false);
		expect(allowsStyleAttribute("default-src 'self'", style)).toBe(false);
		expect(allowsStyleAttribute("style-src 'self' 'unsafe-inline'", style)).toBe(true);
		expect(allowsStyleAttribute(`style-src 'self' 'unsafe-inline' ${hash}`, 'width: 2px')).toBe(
			false
		);
		expect(allowsStyleAttribute("script-src 'self'", style)).toBe(true);
	});
});

describe('reading the built pages', () => {
	it('finds the <meta> policy and undoes its HTML escapes', () => {
		const html =
			'<head><meta charset="utf-8"><meta name="csp" content="no"><meta http-equiv="content-security-policy" content="default-src \'self\'; report-uri /r?a=1&amp;b=&quot;2&quot;"></head>';
		expect(metaPolicy(html)).toBe(`default-src 'self'; report-uri /r?a=1&b="2"`);
		expect(metaPolicy('<meta charset="utf-8"><p>no policy</p>')).toBeNull();
		expect(metaPolicy("<META HTTP-EQUIV='Content-Security-Policy' CONTENT='img-src data:'>")).toBe(
			'img-src data:'
		);
	});

	it('finds every style attribute in a page, quoted or not', () => {
		const html =
			'<div style="color: red">a</div><span data-style="x" class=b>b</span><p STYLE=\'margin: 0\'>c</p><i style=top:0>d</i><p>style="not an attribute"</p>';
		expect(htmlStyleAttributes(html)).toEqual(['color: red', 'margin: 0', 'top:0']);
	});

	it('finds style attributes in templates of built scripts, not code that mentions style', () => {
		const js =
			'var a=t(`<div id="x" style="left: 0"><!></div>`),b=t("<p class=\\"p\\" style=\\"top: 1px\\">"),c=this.style="x";e.setAttribute("style",v)';
		expect(scriptStyleAttributes(js)).toEqual(['left: 0', 'top: 1px']);
	});

	it('maps a page file to the paths it answers, under a sub-path too', () => {
		expect(pagePaths('index.html')).toEqual(['/', '/index.html']);
		expect(pagePaths('stories/a/index.html')).toEqual(['/stories/a/', '/stories/a/index.html']);
		expect(pagePaths('about.html')).toEqual(['/about.html', '/about']);
		expect(pagePaths('index.html', '/atlas')).toEqual(['/atlas/', '/atlas/index.html']);
		expect(pagePaths('studio/index.html', '/atlas/')).toEqual([
			'/atlas/studio/',
			'/atlas/studio/index.html'
		]);
	});
});

const PAGES = [
	{
		paths: ['/', '/index.html'],
		policy: "script-src 'self' 'sha256-home='; frame-ancestors 'self'"
	},
	{
		paths: ['/stories/', '/stories/index.html'],
		policy: "script-src 'self' 'sha256-list='; frame-ancestors 'self'"
	}
];

describe('_headers for Netlify and Cloudflare Pages', () => {
	const rules = parseHeadersFile(netlifyHeaders(PAGES));

	it('gives each page its own policy, once, with the hardening headers', () => {
		for (const page of PAGES)
			for (const path of page.paths) {
				const headers = headersFor(rules, path);
				expect(headers['content-security-policy']).toBe(page.policy);
				for (const [name, value] of COMMON_HEADERS) expect(headers[name.toLowerCase()]).toBe(value);
				expect(headers['cache-control']).toBeUndefined();
			}
	});

	it('caches the immutable assets for a year and puts no policy on other files', () => {
		const asset = headersFor(rules, '/_app/immutable/entry/start.abc.js');
		expect(asset['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(asset['content-security-policy']).toBeUndefined();
		expect(asset['x-content-type-options']).toBe('nosniff');
		expect(headersFor(rules, '/_app/version.json')['cache-control']).toBeUndefined();
		expect(
			headersFor(rules, '/generated/story/events.geojson')['content-security-policy']
		).toBeUndefined();
	});

	it('puts every path under the sub-path the site is served from', () => {
		const text = netlifyHeaders(
			PAGES.map((p) => ({ ...p, paths: p.paths.map((path) => `/atlas${path}`) })),
			{ base: '/atlas/' }
		);
		const atlas = parseHeadersFile(text);
		expect(atlas.map((r) => r.path)).toEqual([
			'/atlas/*',
			'/atlas/_app/immutable/*',
			'/atlas/',
			'/atlas/index.html',
			'/atlas/stories/',
			'/atlas/stories/index.html'
		]);
		expect(headersFor(atlas, '/atlas/_app/immutable/x.js')['cache-control']).toMatch(/immutable/);
		expect(ruleCount(text)).toBe(6);
	});

	it('refuses a value that would break the file', () => {
		expect(() => netlifyHeaders([{ paths: ['/'], policy: 'a\n/evil\n  X: y' }])).toThrow();
	});

	it('joins a header that several rules set, as the hosts do', () => {
		const joined = parseHeadersFile('/*\n  Link: <a>\n# note\n/x\n  link: <b>\n');
		expect(headersFor(joined, '/x')).toEqual({ link: '<a>, <b>' });
		expect(headersFor(joined, '/')).toEqual({ link: '<a>' });
	});
});

describe('nginx snippet', () => {
	const text = nginxHeaders(PAGES, { files: ['_headers', 'nginx-headers.conf'] })
		.split('\n')
		.map((line) => line.replace(/#.*$/, ''))
		.join('\n');
	// The snippet's top level (server context) and its location blocks, nested ones inside their parent.
	let server = '';
	const blocks: { location: string; body: string }[] = [];
	let depth = 0;
	for (const line of text.split('\n')) {
		const opened = /^location (.+) \{$/.exec(line);
		if (opened && depth === 0) blocks.push({ location: opened[1]!, body: '' });
		else if (depth > 0 && !(depth === 1 && line === '}')) blocks.at(-1)!.body += `${line}\n`;
		else if (depth === 0) server += `${line}\n`;
		depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
		expect(depth).toBeGreaterThanOrEqual(0);
	}

	it('is balanced, and sets the hardening headers at server level and again in each location', () => {
		expect(depth).toBe(0);
		for (const [name, value] of COMMON_HEADERS) {
			expect(server).toContain(`add_header ${name} "${value}" always;`);
			for (const block of blocks.filter((b) => !b.body.includes('return 404')))
				expect(block.body).toContain(`add_header ${name} "${value}" always;`);
		}
		expect(server).not.toContain('Content-Security-Policy');
		expect(server).not.toContain('Cache-Control');
	});

	it('matches each page by its index.html, where nginx serves a folder from', () => {
		expect(blocks.map((b) => b.location)).toEqual([
			'^~ /_app/immutable/',
			'= /index.html',
			'= /stories/index.html',
			'= /_headers',
			'= /nginx-headers.conf'
		]);
		for (const [i, page] of PAGES.entries()) {
			expect(blocks[i + 1]!.body).toContain(
				`add_header Content-Security-Policy "${page.policy}" always;`
			);
			expect(blocks[i + 1]!.body).toContain('add_header Cache-Control "no-cache" always;');
		}
		expect(blocks[3]!.body.trim()).toBe('return 404;');
	});

	it('caches the immutable assets for a year and serves MapLibre’s .mjs worker as JavaScript', () => {
		const immutable = blocks[0]!.body;
		expect(immutable).toContain(
			'add_header Cache-Control "public, max-age=31536000, immutable" always;'
		);
		expect(immutable).toMatch(
			/location ~ \\\.mjs\$ \{\s*types \{ \}\s*default_type text\/javascript;\s*\}/
		);
		expect(immutable).not.toContain('Content-Security-Policy');
	});

	it('puts every location under the sub-path the site is served from', () => {
		const atlas = nginxHeaders([{ paths: ['/atlas/', '/atlas/index.html'], policy: 'x' }], {
			base: '/atlas/',
			files: ['_headers']
		});
		expect([...atlas.matchAll(/^location (.+) \{$/gm)].map((m) => m[1])).toEqual([
			'^~ /atlas/_app/immutable/',
			'= /atlas/index.html',
			'= /atlas/_headers'
		]);
	});

	it('refuses a double quote in a value or a path nginx would read as syntax', () => {
		expect(() => nginxHeaders([{ paths: ['/index.html'], policy: 'a" always; evil "' }])).toThrow();
		expect(() => nginxHeaders([{ paths: ['/a b/index.html'], policy: 'x' }])).toThrow();
		expect(() => nginxHeaders([{ paths: ['/a{/index.html'], policy: 'x' }])).toThrow();
	});
});
