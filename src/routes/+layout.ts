// Every story page is prerendered to HTML at build time: the headline, the list, the article and
// a picture of the map arrive before any script, and the app hydrates over them. The studio, which
// works on a reader's own files, opts out (studio/+page.ts).
export const prerender = true;
