// Each story is a folder, /stories/<slug>/index.html, so a static host serves it at the address
// with the slash, and the relative paths inside it resolve from there.
export const trailingSlash = 'always';
