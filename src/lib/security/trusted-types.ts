/**
 * The page's default Trusted Types policy (the policy requires one for every string that reaches a
 * script or HTML sink, svelte.config.js). Svelte and SvelteKit bring named policies of their own;
 * this one covers what the libraries below them do with plain strings:
 * - a worker's script (MapLibre's worker, the story loaders): only from the page's own origin;
 * - MapLibre's attribution, parsed by DOMParser into an inert document and sanitised by MapLibre
 *   before any node of it reaches the page. Any other HTML sink given a string is refused.
 */

/** The sink a string reached, as the browser names it to a default policy. */
export const INERT_HTML_SINK = 'DOMParser parseFromString';

/** A script URL the page may load: one of its own origin, never another's or a data: URL. */
export function scriptUrl(url: string, page: string): string {
	if (new URL(url, page).origin !== new URL(page).origin)
		throw new TypeError(`Trusted Types: refused the script URL ${url}`);
	return url;
}

/** HTML the page may parse from a string: only where no script can run from it. */
export function html(text: string, sink: string): string {
	if (sink !== INERT_HTML_SINK) throw new TypeError(`Trusted Types: refused HTML for ${sink}`);
	return text;
}

interface TrustedTypesFactory {
	defaultPolicy: unknown;
	createPolicy(
		name: string,
		rules: {
			createScriptURL(url: string): string;
			createHTML(text: string, type: string, sink: string): string;
		}
	): unknown;
}

/** Installs the default policy, once, where the browser has Trusted Types. */
export function installDefaultPolicy(): void {
	const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
	if (!factory || factory.defaultPolicy) return;
	factory.createPolicy('default', {
		createScriptURL: (url) => scriptUrl(url, location.href),
		createHTML: (text, _type, sink) => html(text, sink)
	});
}
