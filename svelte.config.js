import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';

/**
 * The style attribute of SvelteKit's route announcer, the visually hidden live region it adds to
 * every page once it runs (node_modules/@sveltejs/kit/src/core/sync/write_root.js). It is the one
 * inline style the app needs; tests/unit/scripts/security-headers.test.ts checks it against the
 * installed Kit, and scripts/write-headers.mjs fails the build if any other style attribute
 * reaches a page.
 */
export const ROUTE_ANNOUNCER_STYLE =
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';

/**
 * @param {string} text
 * @returns {`sha256-${string}`}
 */
const sha256 = (text) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A plain folder of files: any static host serves it, under any sub-path.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		paths: { relative: true },
		// Nothing the data or the URL carries may run or style the page: no inline or eval'd
		// script, no inline style but the announcer's, nothing from another origin, no frames.
		// SvelteKit hashes its own bootstrap script into a <meta> tag on each page;
		// scripts/write-headers.mjs turns each page's policy into response headers for static hosts
		// (build/_headers, build/nginx-headers.conf), adding what a <meta> tag cannot carry.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', sha256(ROUTE_ANNOUNCER_STYLE)],
				// data: for MapLibre's control icons (in its CSS) and the print picture of the map.
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'frame-src': ['none'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none'],
				// No string reaches a DOM sink that runs or parses script unless a Trusted Types policy
				// made it: Svelte's and SvelteKit's own, and src/hooks.client.ts's default one.
				'require-trusted-types-for': ['script'],
				'trusted-types': ['svelte-trusted-html', 'sveltekit-trusted-url', 'default'],
				// Header only (SvelteKit leaves it out of the <meta> tag): who may frame the atlas.
				// An embedding partner's origin goes here, e.g. ['self', 'https://news.example.org'].
				'frame-ancestors': ['self']
			}
		}
	}
};

export default config;
