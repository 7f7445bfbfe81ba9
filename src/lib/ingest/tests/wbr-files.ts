/** The WBR App scenario files and how a person adds up their columns (shared by two tests). */
import Papa from 'papaparse';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const WBR = path.resolve('../shared/peers/wbr-app');
export const WBR_FILES = [
	...readdirSync(WBR)
		.filter((d) => d.startsWith('scenario_'))
		.map((d) => `${d}/original.csv`),
	'demo_uploads/1-wbr-sample-dataset.csv',
	'demo_uploads/2-wbr-sample-dataset-with-filter.csv'
];

/** Column totals the way a person would add them: "523,419" is 523419 and "56.00%" is 0.56. */
export function handTotals(file: string) {
	const text = readFileSync(path.join(WBR, file), 'utf8').replace(/^\uFEFF/, '');
	const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
	const [header = [], ...rows] = parsed.data;
	// A repeated header name is the second column of that name: "Desktop Pct_2".
	const fields = header.map((h, i) => (header.indexOf(h) < i ? `${h}_2` : h));
	const totals = new Map<string, { count: number; sum: number }>();
	for (const row of rows) {
		for (const [i, field] of fields.entries()) {
			if (i === 0) continue;
			const cell = (row[i] ?? '').trim();
			if (cell === '' || /^[A-Za-z]+$/.test(cell)) continue;
			const value = cell.endsWith('%')
				? Number(cell.slice(0, -1)) / 100
				: Number(cell.replaceAll(',', ''));
			const total = totals.get(field) ?? { count: 0, sum: 0 };
			total.count++;
			total.sum += value;
			totals.set(field, total);
		}
	}
	return { rows: rows.length, fields, totals };
}
