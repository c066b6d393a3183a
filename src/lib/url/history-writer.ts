import type { HistoryMode } from './history-policy';

/**
 * While the reader scrubs, the view reaches the address once they pause for QUIET_MS, or every
 * MAX_WAIT_MS in a long scrub or the tour's play. Browsers limit the pace (Safari throws after 100
 * calls in 30 seconds, Chromium ignores calls past 200 in 10; MapLibre's own URL hash waits 300 ms
 * for that reason), and each call cost a scrub about 12 ms of its frame here (bench 1m).
 */
export const QUIET_MS = 300;
export const MAX_WAIT_MS = 2000;

export interface Clock {
	now(): number;
	setTimeout(run: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const browserClock: Clock = {
	now: () => performance.now(),
	setTimeout: (run, ms) => setTimeout(run, ms),
	clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

/**
 * Hands history updates on as they come, except a replace that follows a write within QUIET_MS:
 * only the latest of those is kept, and written once updates pause for QUIET_MS, or MAX_WAIT_MS
 * after the first of them. A new entry (a push) is written at once, after whatever replace is
 * waiting, so the entries keep their order.
 */
export class HistoryWriter<State> {
	readonly #write: (url: URL, mode: HistoryMode, state: State) => void;
	readonly #quiet: number;
	readonly #maxWait: number;
	readonly #clock: Clock;
	#pending: { url: URL; state: State; since: number } | null = null;
	#timer: unknown = null;
	#last = -Infinity;

	constructor(
		write: (url: URL, mode: HistoryMode, state: State) => void,
		{ quiet = QUIET_MS, maxWait = MAX_WAIT_MS, clock = browserClock } = {}
	) {
		this.#write = write;
		this.#quiet = quiet;
		this.#maxWait = maxWait;
		this.#clock = clock;
	}

	/** The address as it reads once what waits is written: what the next update builds on. */
	address(current: string): string {
		return this.#pending?.url.href ?? current;
	}

	update(url: URL, mode: HistoryMode, state: State): void {
		if (mode === 'push') {
			this.flush();
			this.#now(url, 'push', state);
			return;
		}
		const now = this.#clock.now();
		if (!this.#pending && now - this.#last >= this.#quiet) {
			this.#now(url, 'replace', state);
			return;
		}
		const since = this.#pending?.since ?? now;
		this.#pending = { url, state, since };
		this.#stopTimer();
		const at = Math.min(now + this.#quiet, since + this.#maxWait);
		this.#timer = this.#clock.setTimeout(() => {
			this.#timer = null;
			this.flush();
		}, at - now);
	}

	/** Writes what waits now: before the page is left, or its address copied. */
	flush(): void {
		this.#stopTimer();
		const pending = this.#pending;
		if (pending) this.#now(pending.url, 'replace', pending.state);
	}

	/**
	 * Forgets what waits, unwritten: after Back or Forward it would overwrite the entry the reader
	 * went to, and after the atlas is gone, the address of whatever replaced it.
	 */
	cancel(): void {
		this.#stopTimer();
		this.#pending = null;
	}

	#stopTimer(): void {
		if (this.#timer === null) return;
		this.#clock.clearTimeout(this.#timer);
		this.#timer = null;
	}

	#now(url: URL, mode: HistoryMode, state: State): void {
		this.#pending = null;
		this.#last = this.#clock.now();
		this.#write(url, mode, state);
	}
}
