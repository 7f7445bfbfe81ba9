/**
 * Columns that name rows rather than measure or split them are left out of the detected mapping:
 * row ids (`id` 1, 2, 3, ...), a text with a different value in every row, and a label joined
 * from two other columns (`channel_month`). Checked on the real exports a customer brought, and
 * on small files whose every number can be read off the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';
import { ingestFiles } from '../ingest';
import { previewFile } from '../mapping';
import { REAL_EXPORTS } from './corpus';

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
});
afterAll(async () => engine.close());

const read = (name: string) => readFileSync(path.join(REAL_EXPORTS, name));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('real exports', () => {
	it('marketing_spend.csv: spend by channel; the row id and channel_month left out', async () => {
		// id,marketing_channel,month_begin,spend,channel_month
		// 1,Google Paid,2019-01-01,7768.63,Google Paid2019-01-01
		const name = 'evidence-needful-things/marketing_spend.csv';
		const { mapping, notes } = await previewFile(name, read(name));
		expect(mapping).toMatchObject({
			layout: 'wide',
			dateColumn: 'month_begin',
			metricColumns: ['spend'],
			segmentColumns: ['marketing_channel'],
			ignoredColumns: ['id', 'channel_month']
		});
		expect(notes).toContain(
			'"id" has a different value in every row (an identifier); it is not loaded.'
		);
		expect(notes).toContain(
			'"channel_month" joins "marketing_channel" and "month_begin" in every row; it is not loaded.'
		);
		await engine.query('DROP TABLE IF EXISTS observations');
		const { files, metrics } = await ingestFiles(engine, [{ name, data: read(name) }]);
		expect(files[0]).toMatchObject({ rowsRead: 144, rowsLoaded: 144, rowsRejected: 0 });
		expect(metrics.map((m) => m.id)).toEqual(['spend']);
		// Four channels, 36 months each; the first row read back as written.
		const rows = await engine.query(
			`SELECT count(DISTINCT marketing_channel) AS channels, count(*) AS n FROM observations`
		);
		expect(rows.columns).toMatchObject({ channels: [4], n: [144] });
		const first = await engine.query(
			`SELECT marketing_channel, value FROM observations WHERE date = '2019-01-01' AND marketing_channel = 'Google Paid'`
		);
		expect(first.columns).toEqual({ marketing_channel: ['Google Paid'], value: [7768.63] });
	});

	it('orders-small.csv: sales by channel, state, item; ids, names, zip codes and channel_month left out', async () => {
		const name = 'evidence-needful-things/orders-small.csv';
		const { mapping } = await previewFile(name, read(name));
		expect(mapping.metricColumns).toEqual(['sales']);
		expect(mapping.segmentColumns).toEqual([
			'state',
			'item',
			'category',
			'channel',
			'channel_group'
		]);
		for (const column of ['id', 'zipcode', 'email', 'channel_month'])
			expect(mapping.ignoredColumns).toContain(column);
	});

	it('the Prophet examples keep their one number column y as the metric', async () => {
		for (const name of [
			'prophet/example_retail_sales.csv',
			'prophet/example_wp_peyton_manning.csv'
		]) {
			const { mapping } = await previewFile(name, read(name));
			expect(mapping).toMatchObject({
				metricColumns: ['y'],
				segmentColumns: [],
				ignoredColumns: []
			});
		}
	});
});

/** A long export: `days` days, a row per store each day. */
function storeRows(
	days: number,
	stores: string[],
	row: (day: string, store: string, i: number) => string
) {
	const lines: string[] = [];
	let i = 0;
	for (let d = 1; d <= days; d++)
		for (const store of stores)
			lines.push(row(`2024-03-${String(d).padStart(2, '0')}`, store, i++));
	return lines.join('\n') + '\n';
}

describe('ids, keys and counters', () => {
	it('a numeric store_id that comes back every day is a segment, not a metric', async () => {
		const text =
			'date,store_id,sales\n' + storeRows(5, ['101', '102', '103'], (d, s, i) => `${d},${s},${i}`);
		const { mapping } = await previewFile('stores.csv', utf8(text));
		expect(mapping.metricColumns).toEqual(['sales']);
		expect(mapping.segmentColumns).toEqual(['store_id']);
	});

	it('a row number under an empty header is left out; a number column of the same values with a name is a metric', async () => {
		const rows = storeRows(12, ['x'], (d, _, i) => `${i + 1},${d},${i * 7}`);
		const unnamed = await previewFile('pandas.csv', utf8(',date,visits\n' + rows));
		expect(unnamed.mapping).toMatchObject({
			metricColumns: ['visits'],
			ignoredColumns: ['column_1']
		});
		expect(unnamed.notes).toContain('"column_1" counts the rows (1, 2, 3, ...); it is not loaded.');
		const named = await previewFile('days.csv', utf8('day_count,date,visits\n' + rows));
		expect(named.mapping.metricColumns).toEqual(['day_count', 'visits']);
	});

	it('one day of each store once is a segment (a snapshot), as are the labels of a short file', async () => {
		const stores = Array.from({ length: 12 }, (_, i) => `Store ${i + 1}`);
		const snapshot = 'date,store,sales\n' + storeRows(1, stores, (d, s, i) => `${d},${s},${i}`);
		expect((await previewFile('snapshot.csv', utf8(snapshot))).mapping.segmentColumns).toEqual([
			'store'
		]);
		const short = 'date,note,sales\n' + storeRows(9, ['x'], (d, _, i) => `${d},note ${i},${i}`);
		expect((await previewFile('short.csv', utf8(short))).mapping.segmentColumns).toEqual(['note']);
	});
});
