import { describe, expect, it } from 'vitest';
import { linkChartOption } from './evidence';

type Series = { name: string; data: unknown[]; yAxisIndex: number };
const seriesOf = (option: object) => (option as { series: Series[] }).series;

const weekEndings = ['2026-10-03', '2026-10-10', '2026-10-17', '2026-10-24', '2026-10-31'];
const chart = {
	weekEndings,
	input: {
		label: 'Page load time p90',
		format: { unit: 'duration' as const, unitDetail: 'ms' },
		values: [800, 810, 1300, 1290, 1310]
	},
	output: {
		label: 'Conversion rate',
		format: { unit: 'percent' as const },
		values: [0.03, 0.03, 0.03, 0.03, 0.026]
	},
	lagWeeks: 2
};

describe("a declared link's chart", () => {
	it('draws the input two weeks later, under the output week it should move, on its own scale', () => {
		const [output, input] = seriesOf(linkChartOption(chart));
		expect(output).toMatchObject({
			name: 'Conversion rate',
			yAxisIndex: 0,
			data: [0.03, 0.03, 0.03, 0.03, 0.026]
		});
		// The step of week 3 (1300 ms) sits under week 5's conversion.
		expect(input).toMatchObject({
			name: 'Page load time p90, 2 weeks earlier',
			yAxisIndex: 1,
			data: [null, null, 800, 810, 1300]
		});
	});

	it('shows the last `weeks` weeks only', () => {
		const [output, input] = seriesOf(linkChartOption({ ...chart, weeks: 3 }));
		expect(output?.data).toEqual([0.03, 0.03, 0.026]);
		expect(input?.data).toEqual([800, 810, 1300]);
	});

	it('names a same-week link by the input alone', () => {
		expect(seriesOf(linkChartOption({ ...chart, lagWeeks: 0 }))[1]?.name).toBe(
			'Page load time p90'
		);
	});
});
