/**
 * Issue 15: values whose sum overflows (1e308 + 1.7e308) gave `"sum": null` in the JSON, the same
 * as no data. The overflow is named.
 */
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest';
import { engineWithEmptyStore } from './store';

const engine = engineWithEmptyStore();

describe('a sum beyond the largest double', () => {
	it('is named as an overflow, not shown as no data', async () => {
		const file = 'date,x,y\n2024-01-01,1e308,\n2024-01-02,1.7e308,\n';
		const { metrics } = await ingestFiles(engine, [
			{ name: 'big.csv', data: new TextEncoder().encode(file) }
		]);
		const [x, y] = metrics;
		expect(x).toMatchObject({ id: 'x', count: 2, sum: null, min: 1e308, max: 1.7e308 });
		expect(x?.overflow).toBe(
			'the sum of its values is beyond 1.8e308, the largest number Flywheel can add up to'
		);
		expect(JSON.parse(JSON.stringify(x))).toHaveProperty('overflow');
		// No data at all: a null sum and no overflow.
		expect(y).toMatchObject({ id: 'y', count: 0, nulls: 2, sum: null });
		expect(y).not.toHaveProperty('overflow');
	});
});
