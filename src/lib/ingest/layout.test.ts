/**
 * Long layout by the file's shape: one generic value column beside text that repeats on every
 * date is long, the metric's name read from a column whose header says so, or else the first such
 * text column. Checked on the preview of small files, and one social-media export through DuckDB.
 */
import { describe, expect, it } from 'vitest';
import { ingestFiles } from './ingest';
import { previewFile } from './mapping';
import { metricNameCandidates, withMetricNameColumn } from './mapping-edit';
import { engineWithEmptyStore } from './tests/store';

const engine = engineWithEmptyStore();

const DAYS = ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04'];

/**
 * A file of `header` (comma-separated) with one row per date and per combination of the text
 * columns' values (`texts`: column name → its values), the value 1, 2, 3, ... in row order.
 */
function shaped(header: string[], texts: Record<string, string[]>, delimiter = ','): Uint8Array {
	let combos: Record<string, string>[] = [{}];
	for (const [column, values] of Object.entries(texts))
		combos = combos.flatMap((c) => values.map((v) => ({ ...c, [column]: v })));
	const lines = [header.join(delimiter)];
	let n = 0;
	for (const day of DAYS)
		for (const combo of combos)
			lines.push(
				header
					.map((h) => combo[h] ?? (/date|day|week/i.test(h) ? day : String(++n)))
					.join(delimiter)
			);
	return new TextEncoder().encode(lines.join('\n') + '\n');
}

async function roles(name: string, data: Uint8Array) {
	const { mapping } = await previewFile(name, data);
	const { layout, metricNameColumn, valueColumn, segmentColumns, metricColumns } = mapping;
	return { layout, metricNameColumn, valueColumn, segmentColumns, metricColumns };
}

const platform = { Platform: ['web', 'mobile'] };

describe('long layout by shape', () => {
	it.each([
		// header, text columns, the column expected to name the metric
		[['Date', 'Criterion', 'Platform', 'Value'], 'Criterion'],
		[['date', 'event_name', 'Platform', 'value'], 'event_name'],
		[['Day', 'Type', 'Platform', 'Amount'], 'Type'],
		[['date', 'Platform', 'KPI', 'value'], 'KPI'],
		[['Date', 'Platform', 'Name', 'Value'], 'Name'],
		[['week', 'Platform', 'Measure', 'values'], 'Measure'],
		[['date', 'Metric Name', 'Platform', 'val'], 'Metric Name'],
		[['Date', 'Event', 'Platform', 'Wert'], 'Event']
	])('%j: the metric is named in "%s", Platform splits it', async (header, metric) => {
		const file = shaped(header, { [metric]: ['views', 'visitors', 'reach'], ...platform });
		expect(await roles('social.csv', file)).toEqual({
			layout: 'long',
			metricNameColumn: metric,
			valueColumn: header[3],
			segmentColumns: ['Platform'],
			metricColumns: []
		});
	});

	it('takes the first repeating text column when no header names the metric', async () => {
		const file = shaped(['Date', 'Channel', 'Platform', 'Value'], {
			Channel: ['organic', 'paid'],
			...platform
		});
		const { mapping, notes } = await previewFile('channels.csv', file);
		expect(mapping).toMatchObject({
			layout: 'long',
			metricNameColumn: 'Channel',
			segmentColumns: ['Platform']
		});
		expect(notes).toContain(
			'Long layout: one value column "Value" beside text that repeats on every date; the metric\'s name is read from "Channel", and "Platform" split it.'
		);
	});

	it('finds the metric column where it is not first: after the value, or last in a semicolon file', async () => {
		const last = shaped(
			['Platform', 'Value', 'Date', 'Criterion'],
			{ Criterion: ['views', 'reach'], ...platform },
			';'
		);
		expect(await roles('last.csv', last)).toMatchObject({
			layout: 'long',
			metricNameColumn: 'Criterion',
			valueColumn: 'Value',
			segmentColumns: ['Platform']
		});
		const middle = shaped(['Country', 'Date', 'Platform', 'Event Type', 'Amount'], {
			Country: ['DE', 'FR'],
			...platform,
			'Event Type': ['signup', 'purchase']
		});
		expect(await roles('middle.csv', middle)).toMatchObject({
			layout: 'long',
			metricNameColumn: 'Event Type',
			valueColumn: 'Amount',
			segmentColumns: ['Country', 'Platform']
		});
	});

	it('stays wide when the number column names what it measures, or the text does not repeat', async () => {
		const sales = shaped(['Date', 'Region', 'Sales'], { Region: ['North', 'South'] });
		expect(await roles('sales.csv', sales)).toMatchObject({
			layout: 'wide',
			metricColumns: ['Sales'],
			segmentColumns: ['Region']
		});
		// Expenses: a category now and then, not on every date.
		const expenses = [
			'Date,Category,Amount',
			'2024-05-01,Rent,900',
			'2024-05-02,Food,20',
			'2024-05-03,Food,12',
			'2024-05-04,Fuel,40',
			'2024-05-05,Food,9'
		];
		expect(
			await roles('expenses.csv', new TextEncoder().encode(expenses.join('\n')))
		).toMatchObject({
			layout: 'wide',
			metricColumns: ['Amount'],
			segmentColumns: ['Category']
		});
	});

	it('loads the quoted social export as three metrics split by platform, sums as computed here', async () => {
		const criteria = ['views', 'visitors', 'reach'];
		const lines = ['"Date","Criterion","Platform","Value"'];
		const expected = new Map<string, { count: number; sum: number }>();
		for (let day = 1; day <= 14; day++)
			for (const [c, criterion] of criteria.entries())
				for (const [p, where] of ['web', 'mobile'].entries()) {
					const value = day * 100 + c * 10 + p;
					lines.push(
						`"2024-06-${String(day).padStart(2, '0')}","${criterion}","${where}","${value}"`
					);
					const seen = expected.get(criterion) ?? { count: 0, sum: 0 };
					expected.set(criterion, { count: seen.count + 1, sum: seen.sum + value });
				}
		const data = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
		const { files, metrics } = await ingestFiles(engine, [{ name: 'social.csv', data }]);
		expect(files[0]).toMatchObject({
			layout: 'long',
			rowsRead: 84,
			rowsLoaded: 84,
			rowsRejected: 0
		});
		expect(metrics.map((m) => [m.id, m.count, m.sum]).sort()).toEqual(
			[...expected].map(([id, e]) => [id, e.count, e.sum]).sort()
		);
		const web = await engine.query(
			`SELECT metric, sum(value) AS total FROM observations WHERE "Platform" = 'web' GROUP BY metric ORDER BY metric`
		);
		// web is p = 0: the sum over days of day * 100 + c * 10, 14 days.
		expect(web.columns).toEqual({
			metric: ['reach', 'views', 'visitors'],
			total: [10500 + 14 * 20, 10500, 10500 + 14 * 10]
		});
	});

	it('takes the metric name from another column when the user picks it; the first becomes a segment', async () => {
		const file = shaped(['Date', 'Criterion', 'Platform', 'Value'], {
			Criterion: ['views', 'reach'],
			...platform
		});
		const { mapping } = await previewFile('pick.csv', file);
		expect(metricNameCandidates(mapping)).toEqual(['Criterion', 'Platform']);
		const picked = withMetricNameColumn(mapping, 'Platform');
		expect(picked).toMatchObject({ metricNameColumn: 'Platform', segmentColumns: ['Criterion'] });
		const { metrics } = await ingestFiles(engine, [{ name: 'pick.csv', data: file }], {
			mappings: { 'pick.csv': picked }
		});
		// Rows per date: views-web, views-mobile, reach-web, reach-mobile; values 1 to 16 in order.
		// web holds the odd values 1, 3, ..., 15 (sum 64), mobile the even ones (sum 72).
		expect(metrics.map((m) => [m.id, m.count, m.sum]).sort()).toEqual([
			['mobile', 8, 72],
			['web', 8, 64]
		]);
	});
});
