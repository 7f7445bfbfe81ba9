/**
 * Issue 15: the same date twice in a wide daily file (an export appended twice) is named in a
 * note: which metrics differ, how many dates repeat, the first few; the mapping says what a
 * repeat means (added up, first kept, last kept, rejected). Files where rows per day are the rule
 * (transactions, a long file by day and segment) get no note.
 */
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest';
import { previewFile } from '../mapping';
import type { RepeatRule } from '../types';
import { engineWithEmptyStore } from './store';

const engine = engineWithEmptyStore();

const utf8 = (text: string) => new TextEncoder().encode(text);
const day = (d: number) => new Date(Date.UTC(2021, 0, 1 + d)).toISOString().slice(0, 10);

async function load(name: string, lines: string[]) {
	const { files } = await ingestFiles(engine, [{ name, data: utf8(lines.join('\n') + '\n') }]);
	return files[0];
}

describe('repeated dates', () => {
	it('names the metric whose values differ, 54 of 1,092 dates and the first three', async () => {
		const lines = ['Date,Revenue,Orders'];
		for (let d = 0; d < 1092; d++) lines.push(`${day(d)},${100 + d},${d % 7}`);
		// The first 54 days appended again: Revenue differs, Orders is the same.
		for (let d = 0; d < 54; d++) lines.push(`${day(d)},${200 + d},${d % 7}`);
		const report = await load('twice.csv', lines);
		expect(report).toMatchObject({ rowsRead: 1146, rowsLoaded: 1146, rowsRejected: 0 });
		expect(report?.notes).toContain(
			'54 dates are on more than one row (2021-01-01, 2021-01-02, 2021-01-03, ...), with different values of "Revenue": their values are added up into the day (the mapping can keep the first or the last row, or reject them).'
		);
		// Today's rule, which the note states: both rows are stored, so the day is their sum.
		const jan1 = await engine.query(
			`SELECT sum(value) AS v FROM observations WHERE metric = 'Revenue' AND date = '2021-01-01'`
		);
		expect(jan1.columns['v']).toEqual([300]);
	});

	it('says so when the repeated rows are the same, by segment', async () => {
		const lines = ['Date,Region,Sales'];
		for (let d = 0; d < 10; d++) lines.push(`${day(d)},East,${d}`, `${day(d)},West,${d + 1}`);
		lines.push(`${day(4)},West,5`);
		const report = await load('copied.csv', lines);
		expect(report?.notes).toContain(
			'1 date is on more than one row (2021-01-05), with the same values: their values are added up into the day (the mapping can keep the first or the last row, or reject them).'
		);
	});

	it('gives no note for transactions, several rows on most days', async () => {
		const lines = ['Date,Store,Sales'];
		for (let d = 0; d < 20; d++)
			for (let t = 0; t < 1 + (d % 3); t++) lines.push(`${day(d)},Main,${10 + t}`);
		const report = await load('transactions.csv', lines);
		expect(report?.rowsLoaded).toBe(lines.length - 1);
		expect(report?.notes.join(' ')).not.toMatch(/more than one row/);
	});

	it('gives no note for a long file with several rows per day and segment', async () => {
		const lines = ['Date,Metric,Region,Value'];
		for (let d = 0; d < 10; d++)
			for (const region of ['East', 'West'])
				lines.push(`${day(d)},orders,${region},1`, `${day(d)},orders,${region},2`);
		const report = await load('long.csv', lines);
		expect(report).toMatchObject({ layout: 'long', rowsLoaded: 40 });
		expect(report?.notes.join(' ')).not.toMatch(/more than one row/);
	});

	it('gives no note for sub-daily rows, each with its time', async () => {
		const lines = ['Timestamp,Visits'];
		for (let d = 0; d < 10; d++) lines.push(`${day(d)} 09:00:00,1`, `${day(d)} 17:00:00,2`);
		const report = await load('hourly.csv', lines);
		expect(report?.rowsLoaded).toBe(20);
		expect(report?.notes.join(' ')).not.toMatch(/more than one row/);
	});

	describe('the mapping says what a repeat means', () => {
		// Lines 2-4 hold three days; line 5 repeats 2021-01-02 with another value.
		const lines = ['Date,Revenue', `${day(0)},10`, `${day(1)},20`, `${day(2)},30`, `${day(1)},25`];
		async function loadAs(repeats: RepeatRule) {
			const data = utf8(lines.join('\n') + '\n');
			const { mapping } = await previewFile('rule.csv', data);
			const { files } = await ingestFiles(engine, [{ name: 'rule.csv', data }], {
				mappings: { 'rule.csv': { ...mapping, repeats } }
			});
			const jan2 = await engine.query(
				`SELECT value AS v FROM observations WHERE date = '2021-01-02' ORDER BY source_line`
			);
			return { report: files[0], jan2: jan2.columns['v'] ?? [] };
		}
		const cases: [RepeatRule, number[], { line: number; reason: string }[], string][] = [
			['sum', [20, 25], [], 'added up into the day'],
			[
				'first',
				[20],
				[{ line: 5, reason: '2021-01-02 is on line 3 too; the first row is kept' }],
				'the first row kept, as the mapping says; 1 row rejected.'
			],
			[
				'last',
				[25],
				[{ line: 3, reason: '2021-01-02 is on line 5 too; the last row is kept' }],
				'the last row kept, as the mapping says; 1 row rejected.'
			],
			[
				'reject',
				[],
				[3, 5].map((line) => ({
					line,
					reason: '2021-01-02 is on more than one row (lines 3, 5); repeated dates are rejected'
				})),
				'rejected, as the mapping says; 2 rows rejected.'
			]
		];
		for (const [rule, kept, rejected, note] of cases) {
			it(`${rule}: keeps ${JSON.stringify(kept)} for 2021-01-02`, async () => {
				const { report, jan2 } = await loadAs(rule);
				expect(jan2).toEqual(kept);
				expect(report).toMatchObject({
					rowsRead: 4,
					rowsLoaded: 4 - rejected.length,
					rowsRejected: rejected.length
				});
				expect(report?.rejected).toEqual(rejected.map((r) => ({ ...r, column: null })));
				expect(report?.notes.find((n) => n.includes('more than one row'))).toContain(note);
			});
		}
	});
});
