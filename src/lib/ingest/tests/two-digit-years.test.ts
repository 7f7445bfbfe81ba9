// M/D/YY dates (the WBR App's scenario 6 writes "1/1/21") must read as 2021, never as the year 1:
// DuckDB's own cast takes any a/b/c as year/month/day, so a cheap cast must not see them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';
import { ingestFiles } from '../index';

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
});
afterAll(async () => engine.close());

const dates = async () =>
	(
		await engine.query(
			"SELECT DISTINCT strftime(date, '%Y-%m-%d') AS d FROM observations ORDER BY d"
		)
	).columns['d'];

describe('two-digit years', () => {
	it('reads a wide file of M/D/YY dates in the 2000s', async () => {
		const csv = 'Date,Orders\n1/1/21,5\n1/2/21,6\n12/31/21,7\n';
		const { files } = await ingestFiles(engine, [
			{ name: 'wide.csv', data: new TextEncoder().encode(csv) }
		]);
		expect(files[0]?.rowsLoaded).toBe(3);
		expect(await dates()).toEqual(['2021-01-01', '2021-01-02', '2021-12-31']);
	});

	it('reads a long file of M/D/YY dates in the 2000s', async () => {
		await engine.query('DROP TABLE observations');
		const csv = 'date,metric,value\n3/4/22,orders,5\n3/5/22,orders,6\n';
		await ingestFiles(engine, [{ name: 'long.csv', data: new TextEncoder().encode(csv) }]);
		expect(await dates()).toEqual(['2022-03-04', '2022-03-05']);
	});
});
