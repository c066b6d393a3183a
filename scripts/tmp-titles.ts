import { readFileSync } from 'node:fs';
import { loadGazetteerForNode } from './lib/gazetteer-file';
import { DEFAULT_FILES } from './lib/story-files';
import { draftStory } from '../src/lib/draft/draft';
const g = loadGazetteerForNode();
const article = readFileSync(DEFAULT_FILES.article, 'utf8');
for (const [t, p] of [[article, '2025-04-12'], [readFileSync('tests/fixtures/articles/noto-quake-2024-01-01.txt', 'utf8'), '2024-01-01']] as const) {
  const d = draftStory(t, { published: p }, g);
  for (const e of d.events) console.log(e.id.padEnd(28), e.title, '|', e.actors.join('; '));
  console.log('---');
}
