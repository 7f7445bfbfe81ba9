import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { previewFile } from '../ingest';
import { compareVersions } from './version-compare';

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
});
afterAll(async () => engine.close());

const bytes = (text: string) => new TextEncoder().encode(text);

/** Days 1..`days` of March 2024: orders = 10 × day (+1 on a corrected day), sessions = 100 × day. */
function weekly(days: number[], corrected: number[] = []) {
	const lines = ['date,orders,sessions'];
	for (const day of days) {
		const orders = day * 10 + (corrected.includes(day) ? 1 : 0);
		lines.push(`2024-03-${String(day).padStart(2, '0')},${orders},${day * 100}`);
	}
	return bytes(`${lines.join('\n')}\n`);
}
const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('compareVersions', () => {
	it('counts rows, new days and changed values of a refreshed wide export', async () => {
		const result = await compareVersions(
			engine,
			{ name: 'weekly.csv', data: weekly(range(1, 10)) },
			{ name: 'weekly.csv', data: weekly(range(1, 14), [2, 5]) }
		);
		// Days 11-14 are new; orders of 2 and 5 March changed; sessions did not.
		expect(result).toEqual({
			rowsBefore: 10,
			rowsAfter: 14,
			newDays: 4,
			droppedDays: 0,
			changedValues: 2
		});
	});

	it('names the days the new version no longer has', async () => {
		const result = await compareVersions(
			engine,
			{ name: 'weekly.csv', data: weekly(range(1, 10)) },
			{ name: 'weekly.csv', data: weekly(range(4, 12)) }
		);
		expect(result).toMatchObject({ rowsBefore: 10, rowsAfter: 9, newDays: 2, droppedDays: 3 });
		expect(result.changedValues).toBe(0);
	});

	it('compares a long export per metric, day and segment', async () => {
		const long = (rows: [string, string, string, number][]) =>
			bytes(['date,metric,region,value', ...rows.map((r) => r.join(','))].join('\n') + '\n');
		const before = long([
			['2024-03-01', 'orders', 'EU', 5],
			['2024-03-01', 'orders', 'US', 7],
			['2024-03-02', 'orders', 'EU', 6]
		]);
		// US on 1 March changed; EU on 2 March the same; 3 March new.
		const after = long([
			['2024-03-01', 'orders', 'EU', 5],
			['2024-03-01', 'orders', 'US', 9],
			['2024-03-02', 'orders', 'EU', 6],
			['2024-03-03', 'orders', 'EU', 4]
		]);
		const result = await compareVersions(
			engine,
			{ name: 'regions.csv', data: before },
			{ name: 'regions.csv', data: after }
		);
		expect(result).toEqual({
			rowsBefore: 3,
			rowsAfter: 4,
			newDays: 1,
			droppedDays: 0,
			changedValues: 1
		});
	});

	it('reads the new version with the mapping the user chose for it', async () => {
		// A day on two rows: added up by default, the last row kept under the user's choice.
		const appended = bytes('date,orders\n2024-03-01,10\n2024-03-02,20\n2024-03-02,25\n');
		const before = {
			name: 'weekly.csv',
			data: bytes('date,orders\n2024-03-01,10\n2024-03-02,25\n')
		};
		const summed = await compareVersions(engine, before, { name: 'weekly.csv', data: appended });
		expect(summed.changedValues).toBe(1);
		const { mapping } = await previewFile('weekly.csv', appended);
		const kept = await compareVersions(engine, before, {
			name: 'weekly.csv',
			data: appended,
			mapping: { ...mapping, repeats: 'last' }
		});
		expect(kept).toMatchObject({ rowsAfter: 3, newDays: 0, changedValues: 0 });
	});

	it('throws the reason when the new version cannot be read, and leaves no store behind', async () => {
		await expect(
			compareVersions(
				engine,
				{ name: 'weekly.csv', data: weekly(range(1, 3)) },
				{ name: 'weekly.csv', data: bytes('') }
			)
		).rejects.toThrow(/empty/);
		const tables = await engine.query(
			`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'observations'`
		);
		expect(Number(tables.columns['n']?.[0])).toBe(0);
	});
});
