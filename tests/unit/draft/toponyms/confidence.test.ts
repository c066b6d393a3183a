import { describe, expect, it } from 'vitest';
import {
	confidenceOf,
	SURE_MARGIN,
	UNSURE_BELOW
} from '../../../../src/lib/draft/toponyms/confidence';

describe('confidenceOf: one scale for the draft and the import', () => {
	it.each([
		['no other reading', Infinity, 1],
		['no reading leads (a tie)', 0, 0],
		['behind (never chosen, but bounded)', -3, 0],
		['only reading of its name', -Infinity, 0],
		['half the sure margin', SURE_MARGIN / 2, 0.25],
		['twice the sure margin', 2 * SURE_MARGIN, 1]
	])('%s: %d → %d', (_, margin, confidence) => {
		expect(confidenceOf(margin)).toBe(confidence);
	});

	it('a lead of the sure margin is just sure, a little less is not', () => {
		expect(confidenceOf(SURE_MARGIN)).toBeGreaterThanOrEqual(UNSURE_BELOW);
		expect(confidenceOf(SURE_MARGIN - 0.01)).toBeLessThan(UNSURE_BELOW);
	});
});
