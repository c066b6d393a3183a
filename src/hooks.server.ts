import type { Handle } from '@sveltejs/kit';

/**
 * A story page's HTML is its whole first view (its document and the picture of its map), so
 * nothing but its stylesheets is fetched before the browser paints it: the scripts that make it
 * live are asked for by the page's own start script, and never compete with the first view for a
 * slow connection.
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { preload: ({ type }) => type === 'css' || type === 'font' });
