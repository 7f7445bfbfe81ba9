import { describe, expect, it } from 'vitest';
import { monthLabel, weeklyLineOption } from './weekly-line';

type Option = {
	xAxis: { data: string[] };
	yAxis: { axisLabel: { formatter: (v: number) => string } };
	series: { name: string; data: (number | null)[]; lineStyle: { opacity?: number } }[];
};

describe('weeklyLineOption', () => {
	const base = {
		label: 'Revenue',
		format: { unit: 'currency' as const, unitDetail: 'USD' },
		weekEndings: ['2026-11-07', '2026-11-14', '2026-11-21'],
		values: [2_500_000, null, 2_700_000]
	};

	it('draws the weeks in order and keeps a missing week as a gap', () => {
		const option = weeklyLineOption(base) as unknown as Option;
		expect(option.xAxis.data).toEqual(base.weekEndings);
		expect(option.series).toHaveLength(1);
		expect(option.series[0]?.data).toEqual([2_500_000, null, 2_700_000]);
		expect(option.yAxis.axisLabel.formatter(2_500_000)).toBe('$2.5M');
	});

	it('adds the plan as markers without a line, only when there is a plan', () => {
		const option = weeklyLineOption({ ...base, plan: [2_400_000, 2_450_000, 2_600_000] });
		const series = (option as unknown as Option).series;
		expect(series.map((s) => s.name)).toEqual(['Revenue', 'Plan']);
		expect(series[1]?.lineStyle.opacity).toBe(0);
		const noPlan = weeklyLineOption({ ...base, plan: [null, null, null] }) as unknown as Option;
		expect(noPlan.series).toHaveLength(1);
	});
});

describe('monthLabel', () => {
	it('reads a week-ending date as its month and year', () => {
		expect(monthLabel('2026-11-21')).toBe("Nov '26");
		expect(monthLabel('2024-01-06')).toBe("Jan '24");
	});
});
