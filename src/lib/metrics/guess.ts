/**
 * Guesses for what a WBR App configuration (or a terse catalog) cannot say, from the metric's
 * name. Each guess is recorded as one so the user is asked to confirm it.
 */
import type { Direction, MetricKind, Unit } from './types';

/** `Tele_OnTime_percent` → ['tele', 'on', 'time', 'percent']. */
export function nameWords(name: string): string[] {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9%$]+/)
		.filter(Boolean);
}

function has(words: string[], ...stems: string[]): boolean {
	return words.some((word) => stems.some((stem) => word.startsWith(stem)));
}

/** Less is better for delays, costs and failures ("on time" is the exception that proves it). */
export function guessDirection(name: string): Direction {
	const words = nameWords(name);
	const onTime = words.some((w, i) => w === 'on' && words[i + 1] === 'time');
	if (!onTime && has(words, 'latency', 'time', 'duration', 'delay', 'wait', 'leadtime')) {
		return 'lower_is_better';
	}
	if (
		has(
			words,
			'cost',
			'cac',
			'churn',
			'defect',
			'error',
			'fatal',
			'failure',
			'noshow',
			'bounce',
			'404',
			'downsell',
			'lost',
			'refund',
			'complaint'
		)
	) {
		return 'lower_is_better';
	}
	if (has(words, 'target', 'plan', 'budget', 'forecast')) return 'neutral';
	return 'higher_is_better';
}

/** Results (orders, revenue, customers, churn) are outputs; what a team sets or fixes is an input. */
export function guessKind(name: string): MetricKind {
	const words = nameWords(name);
	if (
		has(
			words,
			'order',
			'revenue',
			'sales',
			'mrr',
			'arr',
			'profit',
			'customer',
			'churn',
			'subscriber',
			'signup',
			'gmv',
			'booking',
			'booked',
			'dau',
			'mau',
			'active',
			'retention',
			'conversion'
		)
	) {
		return 'output';
	}
	if (
		has(
			words,
			'latency',
			'time',
			'speed',
			'stock',
			'selection',
			'price',
			'cost',
			'defect',
			'error',
			'fatal',
			'response',
			'availability',
			'lead',
			'notification',
			'seat',
			'impression'
		)
	) {
		return 'input';
	}
	return 'output';
}

export function guessUnit(name: string): Unit {
	const words = nameWords(name);
	if (has(words, 'pct', 'percent', '%', 'rate', 'ratio', 'share', 'conversion')) return 'percent';
	if (has(words, 'latency', 'duration', 'leadtime', 'seconds', 'ms')) return 'duration';
	if (has(words, 'revenue', 'mrr', 'arr', 'usd', 'eur', 'cost', 'price', 'cac', '$', 'gmv'))
		return 'currency';
	return 'count';
}
