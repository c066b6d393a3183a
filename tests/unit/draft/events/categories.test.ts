import { describe, expect, it } from 'vitest';
import { keywordCategory, SPEECH_VERB } from '../../../../src/lib/draft/events/categories';

describe('verbs of saying, from geodata/lexicon/words.csv', () => {
	it.each([
		['Officials said the road was closed.', true],
		['The mayor called on residents to stay home.', true],
		['Peskov played down expectations.', true],
		['She Said it was over.', true],
		['The Saidi family moved away.', false],
		['A missile struck the city.', false]
	])('%s → %s', (text, speech) => {
		expect(SPEECH_VERB.test(text)).toBe(speech);
	});
});

describe('keywordCategory', () => {
	it.each([
		['police said a bomb exploded near the bus', 'strike'],
		['the governor said the roads would reopen', 'statement'],
		['in a statement, the company apologised', 'statement'],
		['the two leaders met in the capital', 'meeting'],
		['the river rose overnight', null]
	])('%s → %s', (text, category) => {
		expect(keywordCategory(text)).toBe(category);
	});
});
