import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/lib/chromium.mjs';

/** Another checkout's preview may hold 4173: `E2E_PORT=4180 npx playwright test` keeps them apart. */
const PORT = Number(process.env.E2E_PORT ?? 4173);

/** Debian's Chromium (scripts/lib/chromium.mjs), shared with the benchmark. */
export const chromiumLaunch = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: false,
	// One spec file per worker, two at a time: the files share nothing but the served build, and
	// a 2-core CI machine runs the suite in about two thirds of the time one worker takes.
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}/`,
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure',
		launchOptions: chromiumLaunch,
		...devices['Desktop Chrome'],
		viewport: { width: 1280, height: 800 }
	},
	webServer: {
		command: `npm run build && node scripts/serve.mjs --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 240_000
	}
});
