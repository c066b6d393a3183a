// `npm start`'s server: the built site as a static host serves it, with the response headers the
// build's _headers file declares (its policy, frame-ancestors and hardening headers), which
// `vite preview` leaves out; and nothing else (no Access-Control-Allow-Origin).
// Usage: node scripts/serve.mjs [--port 4173] [--dir build]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { headersFor, parseHeadersFile } from './lib/security-headers.mjs';
import { serveStatic } from './lib/static-server.mjs';

const { values } = parseArgs({
	options: { port: { type: 'string', default: '4173' }, dir: { type: 'string', default: 'build' } }
});
const rules = parseHeadersFile(readFileSync(join(values.dir, '_headers'), 'utf8'));
const server = await serveStatic({ '/': values.dir }, Number(values.port), {
	headers: (path) => headersFor(rules, path)
});
const address = server.address();
const port = typeof address === 'object' && address ? address.port : values.port;
console.log(`http://127.0.0.1:${port}/`);
