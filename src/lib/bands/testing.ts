/** Helpers for this folder's tests: period axes and seeded noise. Not used by the app. */

/** `count` week-ending dates, 7 days apart, the last one being `lastWeekEnding`. */
export function weekEndings(count: number, lastWeekEnding = '2025-06-28'): string[] {
	const last = Date.parse(`${lastWeekEnding}T00:00:00Z`);
	return Array.from({ length: count }, (_, i) =>
		new Date(last - (count - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10)
	);
}

/** `count` month-end dates ending with the month of `lastMonthEnd` (`YYYY-MM`). */
export function monthEnds(count: number, lastMonth = '2025-06'): string[] {
	const [year, month] = lastMonth.split('-').map(Number) as [number, number];
	return Array.from({ length: count }, (_, i) => {
		// Day 0 of the next month is the last day of this one.
		const end = new Date(Date.UTC(year, month - (count - 1 - i), 0));
		return end.toISOString().slice(0, 10);
	});
}

/** mulberry32: a small, fast PRNG, so generated series are the same on every run. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** Standard normal draws (Box-Muller) from a uniform source. */
export function normalNoise(random: () => number): () => number {
	return () => {
		const u = 1 - random();
		const v = random();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	};
}
