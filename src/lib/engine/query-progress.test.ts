import { describe, expect, it } from 'vitest';
import { queryProgressOf } from './query-progress';

// The reports are shaped as DuckDB-WASM 1.32's worker posted them in headless Chromium while a
// 1M-row read_csv INSERT ran: {"status":"in-progress","percentage":49.74657037226121,"repetitions":1},
// ending with {"status":"completed","percentage":95.45454545454545,"repetitions":2}.
describe('queryProgressOf', () => {
	it('turns DuckDB percentages into fractions', () => {
		expect(queryProgressOf({ percentage: 49.74657037226121 })?.fraction).toBeCloseTo(0.4975, 4);
		expect(queryProgressOf({ percentage: 0 })).toEqual({ fraction: 0 });
		expect(queryProgressOf({ percentage: 100 })).toEqual({ fraction: 1 });
	});

	it('reads a percentage sent as text, as the typings declare it', () => {
		expect(queryProgressOf({ percentage: '25' })).toEqual({ fraction: 0.25 });
	});

	it('says nothing for a query DuckDB cannot estimate (-1) or a report without a number', () => {
		expect(queryProgressOf({ percentage: -1 })).toBeNull();
		expect(queryProgressOf({ percentage: 'n/a' })).toBeNull();
		expect(queryProgressOf({})).toBeNull();
	});

	it('never reports more than the whole query', () => {
		expect(queryProgressOf({ percentage: 100.4 })).toEqual({ fraction: 1 });
	});
});
