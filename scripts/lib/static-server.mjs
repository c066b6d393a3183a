// A static file server for the built site, as a CDN would serve it, optionally under a sub-path,
// with some paths answered from other folders (the benchmark's synthetic stories) and with
// response headers chosen by path (a host applying the build's _headers file).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.woff2': 'font/woff2',
	'.png': 'image/png'
};

/**
 * @param {Record<string, string>} mounts URL prefix → folder; the longest prefix wins.
 * @param {number} port 0 for any free port (read it from `server.address()`)
 * @param {{ headers?: (path: string) => Record<string, string> }} [options] headers: extra
 *   response headers for a request path
 * @returns {Promise<import('node:http').Server>}
 */
export function serveStatic(mounts, port, options = {}) {
	const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const mount = entries.find(([prefix]) => path.startsWith(prefix));
		if (!mount) return void res.writeHead(404).end('not found');
		const root = resolve(mount[1]);
		let file = normalize(join(root, path.slice(mount[0].length)));
		if (!file.startsWith(root)) return void res.writeHead(403).end();
		try {
			if (statSync(file).isDirectory()) file = join(file, 'index.html');
			statSync(file);
		} catch {
			return void res.writeHead(404).end('not found');
		}
		res.writeHead(200, {
			...options.headers?.(path),
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream'
		});
		createReadStream(file).pipe(res);
	});
	return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}
