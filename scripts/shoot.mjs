// Ad-hoc look at the running app: node scripts/shoot.mjs URL OUT.png [width height]
import { chromium } from '@playwright/test';
const [url, out, w = '1280', h = '800'] = process.argv.slice(2);
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(url);
await page
	.waitForSelector('[data-status="ready"], [data-status="no-webgl"], .problems', { timeout: 20000 })
	.catch(() => {});
await page.waitForTimeout(2500);
await page.screenshot({ path: out });
await browser.close();
