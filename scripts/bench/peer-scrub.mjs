// Scrubbing the Leaflet peer's range input: each move sets the input's value and fires `input`,
// as dragging it does, and is timed to the first frame after Leaflet has redrawn. Leaflet's
// canvas redraws in an animation frame it asks for while handling the input; a frame asked for
// after that runs once the redraw is done, and the one after it is the frame that shows it.

/** Scrubs the window that ends `endOffset` days after the story's first day. */
export async function scrubPeer(page, { endOffset, moves, warmup }) {
	return page.evaluate(
		async ({ endOffset, moves, warmup }) => {
			const input = document.getElementById('date');
			const frame = () => new Promise((r) => requestAnimationFrame(r));
			const set = (value) => {
				input.value = String(value);
				input.dispatchEvent(new Event('input', { bubbles: true }));
			};
			let value = Math.max(0, Math.min(Number(input.max), endOffset));
			set(value);
			await frame();
			await frame();
			const reached = Number(input.value);
			const settled = [];
			for (let i = 0; i < warmup + moves; i++) {
				value += Math.floor(i / 10) % 2 === 0 ? -1 : 1;
				const t0 = performance.now();
				set(value);
				await frame();
				await frame();
				if (i >= warmup) settled.push(performance.now() - t0);
			}
			return { reached, frame: settled };
		},
		{ endOffset, moves, warmup }
	);
}
