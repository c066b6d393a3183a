// Frame times while the slider plays through the story: Play must not drop frames.
export async function framesWhilePlaying(page) {
	return page.evaluate(async () => {
		const slider = document.querySelector('[role=slider]');
		slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
		const button = [...document.querySelectorAll('button')].find((b) => /Play/.test(b.textContent));
		button.click();
		const gaps = [];
		let last = performance.now();
		const end = last + 6000;
		await new Promise((resolve) => {
			const tick = (t) => {
				gaps.push(t - last);
				last = t;
				if (t < end) requestAnimationFrame(tick);
				else resolve();
			};
			requestAnimationFrame(tick);
		});
		button.click();
		gaps.sort((a, b) => a - b);
		return {
			frames: gaps.length,
			p95_frame_ms: gaps[Math.floor(gaps.length * 0.95)],
			dropped: gaps.filter((g) => g > 1000 / 60 + 4).length
		};
	});
}
