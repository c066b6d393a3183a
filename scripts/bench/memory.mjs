// Heap growth over 1,000 scrubs: a leak per move would show here long before a reader noticed.
import { round } from './stats.mjs';

export async function heapOverScrubs(page) {
	const cdp = await page.context().newCDPSession(page);
	const heap = async () => {
		await cdp.send('HeapProfiler.collectGarbage');
		return (await cdp.send('Runtime.getHeapUsage')).usedSize;
	};
	const before = await heap();
	await page.evaluate(async () => {
		const slider = document.querySelector('[role=slider]');
		for (let i = 0; i < 1000; i++) {
			slider.dispatchEvent(
				new KeyboardEvent('keydown', {
					key: Math.floor(i / 25) % 2 ? 'ArrowRight' : 'ArrowLeft',
					bubbles: true
				})
			);
			if (i % 10 === 0) await new Promise((r) => requestAnimationFrame(r));
		}
		await new Promise((r) => setTimeout(r, 500));
	});
	const after = await heap();
	return {
		heap_before_mb: round(before / 1048576, 2),
		heap_after_mb: round(after / 1048576, 2),
		growth_mb: round((after - before) / 1048576, 2)
	};
}
