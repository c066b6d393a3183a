// The studio works on a reader's own files, in their browser: there is nothing to prerender but
// the empty shell. `/studio/` is a folder like `/stories/`, so a plain static host serves it at the
// address it shows.
export const ssr = false;
export const trailingSlash = 'always';
