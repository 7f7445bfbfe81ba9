/**
 * Flywheel's one number-formatting library: every figure on screen, in a chart axis or in an
 * export goes through here, so the same value always reads the same way.
 */
import type { Unit } from '../metrics/types';

export interface FormatSpec {
	unit: Unit;
	/** For currency an ISO code (USD, EUR, GBP); for duration the stored unit (ms, s, min, h, d). */
	unitDetail?: string;
}

const CURRENCY_SYMBOL: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
const NOTHING = 'n/a';

/** 1234 -> "1.23K", 1234567 -> "1.23M": three significant digits, as a reader scans a deck. */
export function compact(value: number): string {
	const abs = Math.abs(value);
	const tiers: [number, string][] = [
		[1e12, 'T'],
		[1e9, 'B'],
		[1e6, 'M'],
		[1e3, 'K']
	];
	for (const [size, suffix] of tiers) {
		if (abs >= size * 0.9995) return `${trimmed(value / size)}${suffix}`;
	}
	// Below a thousand a fourth digit is cheap to read and tells a narrow band's edges apart
	// (an index of 100.5 to 101.9, not "101 to 102").
	return abs >= 100 ? String(Number(value.toFixed(1))) : trimmed(value);
}

/** Three significant digits, without trailing zeros: 12.0 -> "12", 1.50 -> "1.5", 0.1234 -> "0.123". */
function trimmed(value: number): string {
	const abs = Math.abs(value);
	if (abs === 0) return '0';
	const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
	return String(Number(value.toFixed(digits)));
}

/** Durations are shown in the largest unit that keeps the number at or above 1: 1800 ms -> "1.8 s". */
function duration(value: number, stored: string): string {
	const toSeconds: Record<string, number> = { ms: 0.001, s: 1, min: 60, h: 3600, d: 86400 };
	const seconds = value * (toSeconds[stored] ?? 1);
	const abs = Math.abs(seconds);
	if (stored === 'd' || abs >= 86400 * 2) return `${trimmed(seconds / 86400)} d`;
	if (abs >= 3600 * 2) return `${trimmed(seconds / 3600)} h`;
	if (abs >= 60 * 2) return `${trimmed(seconds / 60)} min`;
	if (abs >= 1) return `${trimmed(seconds)} s`;
	return `${trimmed(seconds * 1000)} ms`;
}

/** A metric's value in its unit: "1.23M", "$4.1M", "23.4%", "1.8 s". Null reads "n/a". */
export function formatValue(value: number | null | undefined, spec: FormatSpec): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return NOTHING;
	switch (spec.unit) {
		case 'percent':
			return `${trimmed(value * 100)}%`;
		case 'bps':
			return `${trimmed(value * 10_000)} bps`;
		case 'currency': {
			const symbol = CURRENCY_SYMBOL[spec.unitDetail ?? 'USD'];
			const sign = value < 0 ? '-' : '';
			const amount = compact(Math.abs(value));
			return symbol ? `${sign}${symbol}${amount}` : `${sign}${amount} ${spec.unitDetail}`;
		}
		case 'duration':
			return duration(value, spec.unitDetail ?? 's');
		default:
			return compact(value);
	}
}

/**
 * A comparison as the box shows it: a percent change ("+12.3%") or, for percent and basis-point
 * metrics compared by difference, basis points ("+35 bps"). Null reads "n/a".
 */
export function formatChange(change: number | null | undefined, as: 'percent' | 'bps'): string {
	if (change === null || change === undefined || !Number.isFinite(change)) return NOTHING;
	const shown = as === 'bps' ? Math.round(Math.abs(change)) : Number(Math.abs(change).toFixed(1));
	// A change that rounds to zero carries no sign: "−0.0%" would suggest a decline that is not there.
	const sign = shown === 0 ? '' : change > 0 ? '+' : '−';
	return as === 'bps' ? `${sign}${shown} bps` : `${sign}${shown.toFixed(1)}%`;
}
