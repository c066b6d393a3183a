import { describe, expect, it } from 'vitest';
import { importCommand } from '../../../src/lib/studio/import-project';

describe('the command that imports a file too big for the studio', () => {
	it.each([
		['ged-50k.csv', 'npm run import -- ged-50k.csv --out geodata/stories/my-story'],
		['events.feather', 'npm run import -- events.feather --out geodata/stories/my-story'],
		// Pasted into a shell as it is: a space, a quote or a dollar sign is not read by the shell.
		['desk sheet.csv', "npm run import -- 'desk sheet.csv' --out geodata/stories/my-story"],
		["desk's sheet.csv", "npm run import -- 'desk'\\''s sheet.csv' --out geodata/stories/my-story"],
		['$(rm -rf x).csv', "npm run import -- '$(rm -rf x).csv' --out geodata/stories/my-story"]
	])('%s', (name, command) => {
		expect(importCommand(name)).toBe(command);
	});
});
