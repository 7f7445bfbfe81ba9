import { describe, expect, it } from 'vitest';
import { fontFamily } from '../theme';
import { chartSvg } from './svg';

describe('a chart as SVG', () => {
	it('keeps the theme font in every text style attribute (no quote that ends the attribute)', () => {
		const svg = chartSvg(
			{
				textStyle: { fontFamily },
				xAxis: { type: 'category', data: ['Mon', 'Tue'] },
				yAxis: { type: 'value' },
				series: [{ type: 'line', data: [1, 2] }]
			},
			{ width: 200, height: 100 }
		);
		const styles = [...svg.matchAll(/<text[^>]*style="([^"]*)"/g)].map((m) => m[1] ?? '');
		expect(styles.length).toBeGreaterThan(0);
		for (const style of styles) expect(style).toContain('sans-serif');
	});
});
