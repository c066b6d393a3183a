// A static, client-rendered app: one HTML file that any static host or CDN serves, under any path.
export const prerender = true;
export const ssr = false;
