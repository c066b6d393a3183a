// Scrubbing the atlas's own slider with the keyboard, as a reader does: each move is one key
// press, timed from the event to the first frame after the map has settled (MapLibre's `idle`,
// then one more animation frame, the frame that shows it).

/**
 * Scrubs the window that ends `endOffset` days after the story's first day. The first `warmup`
 * moves are not kept: they pay for compiling code paths and shaders once, which is not what a
 * reader scrubbing waits for on every move, and they made the p95 of short runs swing.
 * With `floor`, also times plain repaints with nothing changed: what drawing the map costs here.
 */
export async function scrubAtlas(page, { endOffset, moves, warmup, floor = false }) {
	return page.evaluate(
		async ({ endOffset, moves, warmup, floor }) => {
			const slider = document.querySelector('[role=slider]');
			const map = window.storyAtlas.map;
			const frame = () => new Promise((r) => requestAnimationFrame(r));
			const idle = () =>
				new Promise((r) => {
					const t = setTimeout(r, 3000);
					map.once('idle', () => {
						clearTimeout(t);
						r();
					});
				});
			const press = (key) =>
				slider.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

			// To the window's latest day, a day at a time from the nearer end (keys are the one
			// public way to set the day), letting a frame through now and then.
			const max = Number(slider.getAttribute('aria-valuemax'));
			const target = Math.max(0, Math.min(max, endOffset));
			const fromEnd = max - target <= target;
			press(fromEnd ? 'End' : 'Home');
			const steps = fromEnd ? max - target : target;
			for (let i = 0; i < steps; i++) {
				press(fromEnd ? 'ArrowLeft' : 'ArrowRight');
				if (i % 50 === 49) await frame();
			}
			await idle();
			const reached = Number(slider.getAttribute('aria-valuenow'));

			const work = [];
			const settled = [];
			const toIdle = [];
			for (let i = 0; i < warmup + moves; i++) {
				// Ten back, ten forward: the scrub stays inside its window of days.
				const key = Math.floor(i / 10) % 2 === 0 ? 'ArrowLeft' : 'ArrowRight';
				const t0 = performance.now();
				const drawn = idle();
				press(key);
				// The slider's handler and the state updates it queues (Svelte flushes in microtasks).
				await Promise.resolve();
				await new Promise((r) => queueMicrotask(r));
				const w = performance.now() - t0;
				await drawn;
				const drawnAt = performance.now() - t0;
				await frame();
				if (i >= warmup) {
					work.push(w);
					toIdle.push(drawnAt);
					settled.push(performance.now() - t0);
				}
			}
			// Timed both ways a move is: to `idle` (MapLibre has drawn), and on to the frame that
			// shows it, so a move's frame is set against a repaint's frame, like for like.
			const repaint = [];
			const repaintFrame = [];
			for (let i = 0; floor && i < 20; i++) {
				const t0 = performance.now();
				const drawn = idle();
				map.triggerRepaint();
				await drawn;
				repaint.push(performance.now() - t0);
				await frame();
				repaintFrame.push(performance.now() - t0);
			}
			return { reached, work, frame: settled, toIdle, repaint, repaintFrame };
		},
		{ endOffset, moves, warmup, floor }
	);
}
