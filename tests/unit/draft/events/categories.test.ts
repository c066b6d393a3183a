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
		['the river rose overnight', null],
		['a fire broke out in a warehouse on the estate', 'fire'],
		['firefighters fought the blaze for six hours', 'fire'],
		['the fire was started deliberately, police said', 'fire'],
		['a car crashed and caught fire on the bypass', 'fire'],
		['two people were killed when a lorry collided with a bus', 'accident'],
		['a cyclist was struck by a delivery van', 'accident'],
		['the train derailed outside the station', 'accident'],
		['a drone crashed into an apartment block', 'strike'],
		['gunmen opened fire on a checkpoint', 'strike'],
		['troops came under fire near the border', 'war'],
		['the two sides agreed a ceasefire', null]
	])('%s → %s', (text, category) => {
		expect(keywordCategory(text)).toBe(category);
	});
});
