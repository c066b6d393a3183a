import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Module workers, so a worker can load a big library only when it needs it (the import
	// worker's exceljs, for .xlsx files) instead of carrying it inlined.
	worker: { format: 'es' },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		globalSetup: ['tests/setup/gazetteer.ts'],
		environment: 'node',
		// Some tests draft a 200,000-word article or build the gazetteer: on a loaded 2-core CI
		// machine that takes several seconds. Speed is measured by the bench, not by timeouts.
		testTimeout: 60_000
	}
});
