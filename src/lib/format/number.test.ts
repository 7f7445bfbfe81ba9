import { describe, expect, it } from 'vitest';
import { compact, formatChange, formatValue } from './number';

describe('compact numbers', () => {
	it('keeps three significant digits with K, M, B suffixes', () => {
		expect(compact(0)).toBe('0');
		expect(compact(999)).toBe('999');
		expect(compact(101.926)).toBe('101.9');
		expect(compact(100.0)).toBe('100');
		expect(compact(1234)).toBe('1.23K');
		expect(compact(56_607_738)).toBe('56.6M');
		expect(compact(470_759_324)).toBe('471M');
		expect(compact(18_665_110_807)).toBe('18.7B');
		expect(compact(-1500)).toBe('-1.5K');
		expect(compact(0.1234)).toBe('0.123');
	});
});

describe('formatValue by unit', () => {
	it('formats each unit the way the review reads', () => {
		expect(formatValue(1_234_567, { unit: 'count' })).toBe('1.23M');
		expect(formatValue(0.234, { unit: 'percent' })).toBe('23.4%');
		expect(formatValue(0.0035, { unit: 'bps' })).toBe('35 bps');
		expect(formatValue(4_100_000, { unit: 'currency', unitDetail: 'USD' })).toBe('$4.1M');
		expect(formatValue(-2500, { unit: 'currency', unitDetail: 'EUR' })).toBe('-€2.5K');
		expect(formatValue(1800, { unit: 'duration', unitDetail: 'ms' })).toBe('1.8 s');
		expect(formatValue(42, { unit: 'duration', unitDetail: 'min' })).toBe('42 min');
		expect(formatValue(2.4, { unit: 'duration', unitDetail: 'd' })).toBe('2.4 d');
	});

	it('reads n/a for no data, never 0', () => {
		expect(formatValue(null, { unit: 'count' })).toBe('n/a');
		expect(formatValue(Number.NaN, { unit: 'percent' })).toBe('n/a');
	});
});

describe('formatChange', () => {
	it('signs percent changes and basis points', () => {
		expect(formatChange(2.29278694379893, 'percent')).toBe('+2.3%');
		expect(formatChange(-0.04, 'percent')).toBe('0.0%');
		expect(formatChange(-12.345, 'percent')).toBe('−12.3%');
		expect(formatChange(35.4, 'bps')).toBe('+35 bps');
		expect(formatChange(null, 'bps')).toBe('n/a');
	});
});
