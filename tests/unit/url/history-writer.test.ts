import { describe, expect, it } from 'vitest';
import type { HistoryMode } from '../../../src/lib/url/history-policy';
import { HistoryWriter, type Clock } from '../../../src/lib/url/history-writer';

/** A clock the test moves by hand, with the timers due by then run in order. */
function manualClock() {
	let now = 0;
	let next = 0;
	const timers = new Map<number, { at: number; run: () => void }>();
	const clock: Clock = {
		now: () => now,
		setTimeout: (run, ms) => {
			timers.set(++next, { at: now + ms, run });
			return next;
		},
		clearTimeout: (handle) => void timers.delete(handle as number)
	};
	const advance = (ms: number) => {
		const until = now + ms;
		for (;;) {
			const due = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
			if (!due) break;
			timers.delete(due[0]);
			now = due[1].at;
			due[1].run();
		}
		now = until;
	};
	return { clock, advance, pending: () => timers.size };
}

type Step = ['replace' | 'push', string] | ['wait', number] | ['flush'] | ['cancel'];

function run(steps: Step[]) {
	const { clock, advance, pending } = manualClock();
	const written: string[] = [];
	const writer = new HistoryWriter<string>(
		(url: URL, mode: HistoryMode, state: string) => {
			expect(url.hash).toBe(`#${state}`);
			written.push(`${clock.now()} ${mode} ${state}`);
		},
		{ quiet: 300, maxWait: 2000, clock }
	);
	for (const step of steps) {
		if (step[0] === 'wait') advance(step[1]);
		else if (step[0] === 'flush') writer.flush();
		else if (step[0] === 'cancel') writer.cancel();
		else writer.update(new URL(`https://example.org/#${step[1]}`), step[0], step[1]);
	}
	return { written, timers: pending(), writer };
}

describe('HistoryWriter', () => {
	it.each<[string, Step[], string[]]>([
		['a lone replace is written at once', [['replace', 'a']], ['0 replace a']],
		[
			'a scrub: the first move at once, the rest once the reader pauses',
			[
				['replace', 'd1'],
				['wait', 50],
				['replace', 'd2'],
				['wait', 50],
				['replace', 'd3'],
				['wait', 250],
				['replace', 'd4'],
				['wait', 400]
			],
			['0 replace d1', '650 replace d4']
		],
		[
			'a long scrub (a move every 100 ms for 5 s) still reaches the address every 2 s',
			Array.from({ length: 50 }, (_, i): Step[] => [
				['replace', `d${i}`],
				['wait', 100]
			])
				.flat()
				.concat([['wait', 1000]]),
			['0 replace d0', '2100 replace d20', '4100 replace d40', '5200 replace d49']
		],
		[
			'a replace after a quiet interval is written at once',
			[
				['replace', 'a'],
				['wait', 1000],
				['replace', 'b']
			],
			['0 replace a', '1000 replace b']
		],
		[
			'a push writes the waiting replace first, then itself, at once',
			[
				['replace', 'a'],
				['wait', 10],
				['replace', 'b'],
				['push', 'c']
			],
			['0 replace a', '10 replace b', '10 push c']
		],
		[
			'a push right after a write is not held back',
			[
				['push', 'a'],
				['push', 'b']
			],
			['0 push a', '0 push b']
		],
		[
			'a replace right after a push waits its turn',
			[
				['push', 'a'],
				['wait', 100],
				['replace', 'b'],
				['wait', 300]
			],
			['0 push a', '400 replace b']
		],
		[
			'flush writes what waits now, and only once',
			[['replace', 'a'], ['replace', 'b'], ['wait', 20], ['flush'], ['wait', 1000]],
			['0 replace a', '20 replace b']
		],
		[
			'cancel drops what waits (Back was pressed, or the atlas is gone)',
			[['replace', 'a'], ['replace', 'b'], ['cancel'], ['wait', 1000]],
			['0 replace a']
		]
	])('%s', (_, steps, expected) => {
		const { written, timers } = run(steps);
		expect(written).toEqual(expected);
		expect(timers).toBe(0);
	});

	it('builds the next update on the address that waits, not the one the browser still shows', () => {
		const { writer } = run([
			['replace', 'a'],
			['replace', 'b']
		]);
		expect(writer.address('https://example.org/#a')).toBe('https://example.org/#b');
		writer.flush();
		expect(writer.address('https://example.org/#b')).toBe('https://example.org/#b');
	});
});
