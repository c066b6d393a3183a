// Playwright drives Debian's Chromium here (it cannot download its own): install it when missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH as path } from './lib/chromium.mjs';

if (existsSync(path)) process.exit(0);
if (process.getuid?.() !== 0) {
	console.error(
		`No browser at ${path}. Install Debian's Chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`
	);
	process.exit(1);
}
console.log(`No browser at ${path}: installing Debian's chromium…`);
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
	stdio: 'inherit'
});
