/** A catalog metric's `band:` field, read and checked with line-numbered problems. */
import { describe, expect, it } from 'vitest';
import { parseCatalog } from './catalog';
import { ConfigError } from './configSource';

const withBand = (band: string, extra = '') => `metrics:
  - id: orders
    source: Orders
    aggregation: sum
${extra}    band: ${band}
`;

function issues(text: string): string[] {
	try {
		parseCatalog(text);
		return [];
	} catch (error) {
		if (error instanceof ConfigError) return error.message.split('\n');
		throw error;
	}
}

const bandOf = (text: string) => parseCatalog(text).metrics[0]?.band;

describe('band settings', () => {
	it('reads a method name, or settings in snake_case', () => {
		expect(bandOf(withBand('xmr_median'))).toEqual({ method: 'xmr_median' });
		expect(
			bandOf(
				withBand(
					'{ baseline_weeks: 13, baseline_months: 12, known_changes: [2026-01-05], rules: [beyond_limit] }'
				)
			)
		).toEqual({
			method: 'xmr',
			baselineWeeks: 13,
			baselineMonths: 12,
			knownChanges: ['2026-01-05'],
			rules: ['beyond_limit']
		});
		expect(
			bandOf(withBand('{ method: yoy, expected_change_percent: 18, tolerance_percent: 5 }'))
		).toEqual({
			method: 'yoy',
			expectedChangePercent: 18,
			tolerancePercent: 5
		});
		expect(
			bandOf(
				withBand('{ method: plan, tolerance_percent: 3 }', '    plan: { column: Orders_Plan }\n')
			)
		).toEqual({ method: 'plan', tolerancePercent: 3 });
		expect(bandOf(withBand('{ method: fixed, lower: 0.95 }'))).toEqual({
			method: 'fixed',
			lower: 0.95
		});
		expect(
			bandOf(withBand('{ locked_baseline: { from: 2025-01-04, to: 2025-06-28 } }'))?.lockedBaseline
		).toEqual({ from: '2025-01-04', to: '2025-06-28' });
	});

	it('reports each problem at its line and field', () => {
		expect(issues(withBand('{ method: seasonal }'))).toEqual([
			'catalog.yaml:5: metrics[0].band.method: expected one of xmr, xmr_median, plan, yoy, fixed, not "seasonal"'
		]);
		expect(issues(withBand('{ method: yoy, tolerance: 5 }'))).toEqual([
			'catalog.yaml:5: metrics[0].band.tolerance: applies to method plan only',
			'catalog.yaml:5: metrics[0].band: a yoy band needs tolerance_percent'
		]);
		expect(issues(withBand('{ method: plan, tolerance_percent: 3 }'))).toEqual([
			'catalog.yaml:5: metrics[0].band.method: a plan band needs the metric’s plan'
		]);
		expect(
			issues(
				withBand(
					'\n      baseline_weeks: 0.5\n      known_changes: [last spring]\n      rules: [run_of_7]'
				)
			)
		).toEqual([
			'catalog.yaml:6: metrics[0].band.baseline_weeks: expected a whole number of periods, at least 1',
			'catalog.yaml:7: metrics[0].band.known_changes[0]: expected a date, YYYY-MM-DD',
			'catalog.yaml:8: metrics[0].band.rules[0]: expected one of beyond_limit, three_of_four, eight_on_one_side, moving_range, not "run_of_7"'
		]);
		expect(issues(withBand('{ method: fixed, lower: 2, upper: 1, baseline: 3 }'))).toEqual([
			'catalog.yaml:5: metrics[0].band.baseline: unknown field (known: method, locked_baseline, known_changes, rules, baseline_weeks, baseline_months, minimum_points, tolerance_percent, tolerance, expected_change_percent, lower, upper, centre)',
			'catalog.yaml:5: metrics[0].band: lower (2) is above upper (1)'
		]);
	});
});
