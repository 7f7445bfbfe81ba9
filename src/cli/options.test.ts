/**
 * The command line run as a user runs it (`node bin/flywheel.js`): its conventions (help, version,
 * exit codes, one-line errors) and each mapping option, whose mapping must be the one the upload
 * page's editor makes of the same choice (`applyMappingChoices`, `withMetricNameColumn`).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewFile } from '../lib/ingest/mapping';
import { applyMappingChoices, withMetricNameColumn } from '../lib/ingest/mapping-edit';
import type { IngestResult } from '../lib/ingest/types';
import type { Review } from '../lib/review/types';

let folder: string;
const file = (name: string) => path.join(folder, name);

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

async function flywheel(...args: string[]): Promise<Run> {
	return promisify(execFile)(process.execPath, ['bin/flywheel.js', ...args], {
		maxBuffer: 16 << 20
	})
		.then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
		.catch((error: Run) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));
}

async function inspectJson(...args: string[]): Promise<IngestResult> {
	const run = await flywheel('inspect', ...args, '--json');
	expect(run.stderr).toBe('');
	return JSON.parse(run.stdout) as IngestResult;
}

/** 5 days of views, visitors and reach on web and mobile; value = day * 100 + criterion * 10 + platform. */
const SOCIAL_CRITERIA = ['views', 'visitors', 'reach'];
function socialExport(): string {
	const lines = ['"Date","Criterion","Platform","Value"'];
	for (let day = 1; day <= 5; day++)
		SOCIAL_CRITERIA.forEach((criterion, c) =>
			['web', 'mobile'].forEach((platform, p) =>
				lines.push(`"2024-06-0${day}","${criterion}","${platform}","${day * 100 + c * 10 + p}"`)
			)
		);
	return lines.join('\n') + '\n';
}

beforeAll(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'flywheel-options-'));
	writeFileSync(file('social.csv'), socialExport());
	writeFileSync(file('cafe.csv'), Buffer.from('date,Caf\xc3\xa9\n2024-01-01,1\n', 'latin1'));
	writeFileSync(file('ambiguous.csv'), 'date,visits\n01/02/2024,3\n03/04/2024,4\n');
	writeFileSync(file('two-headers.csv'), 'Region,Total\ndate,visits\n2024-01-01,3\n2024-01-02,4\n');
	writeFileSync(
		file('twice.csv'),
		'date,visits\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n2024-01-02,5\n'
	);
	writeFileSync(file('pipes.csv'), 'date|visits,clicks\n2024-01-01|3\n2024-01-02|4\n');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('flywheel conventions', () => {
	it('prints its version, its commands alone, and a command’s help, each with exit status 0', async () => {
		const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
		expect(await flywheel('--version')).toEqual({
			code: 0,
			stdout: `flywheel ${version}\n`,
			stderr: ''
		});
		const alone = await flywheel();
		expect(alone.code).toBe(0);
		expect(alone.stdout).toMatch(/\nCommands:\n {2}inspect +\S.*\n {2}review +\S/);
		const help = await flywheel('inspect', 'social.csv', '--help');
		expect(help).toMatchObject({ code: 0, stderr: '' });
		expect(help.stdout).toMatch(/^flywheel inspect: /);
		expect(help.stdout).toContain('\n  --metric-column NAME ');
	});

	it('exits 2 with one line on stderr for a wrong command line, before reading any file', async () => {
		expect(await flywheel('inspect', '--help-me')).toEqual({
			code: 2,
			stdout: '',
			stderr: 'flywheel inspect: unknown option --help-me (flywheel inspect --help)\n'
		});
		expect(await flywheel('inspect', 'no-such.csv', '--layout', 'tall')).toMatchObject({
			code: 2,
			stderr:
				'flywheel inspect: --layout must be wide or long, not "tall" (flywheel inspect --help)\n'
		});
		expect(await flywheel('summarise')).toMatchObject({
			code: 2,
			stderr:
				'flywheel: unknown command "summarise"; the commands are inspect, review, evidence, narrative (flywheel --help)\n'
		});
		expect(await flywheel('review')).toMatchObject({
			code: 2,
			stderr: 'flywheel review: name at least one CSV file (flywheel review --help)\n'
		});
	});

	it('exits 1 naming the file and the reason when a column choice does not fit it', async () => {
		const run = await flywheel('inspect', file('social.csv'), '--date-column', 'Day');
		expect(run.code).toBe(1);
		expect(run.stderr).toBe(
			`flywheel inspect: ${file('social.csv')}: "Day" is not a column; the columns are "Date", "Criterion", "Platform", "Value"\n`
		);
	});
});

describe('flywheel review with a wrong configuration', () => {
	it('exits 1 with each problem on a line of its own, naming file, line and field', async () => {
		const config = file('catalog.yaml');
		writeFileSync(
			config,
			[
				'metrics:',
				'  - id: views',
				'    source: views',
				'    aggregation: average', // line 4
				'  - id: reach',
				'    source: reach',
				'    aggregation: sum',
				'    unit: lots' // line 8
			].join('\n')
		);
		expect(await flywheel('review', file('social.csv'), '--config', config)).toEqual({
			code: 1,
			stdout: '',
			stderr:
				'flywheel review: catalog.yaml:4: metrics[0].aggregation: expected one of sum, mean, min, max, first, last, not "average"\n' +
				'flywheel review: catalog.yaml:8: metrics[1].unit: expected one of count, currency, percent, bps, duration, number, not "lots"\n'
		});
	});
});

describe('mapping options read the file as the upload page would', () => {
	it('--metric-column: the mapping the preview makes when Platform is picked', async () => {
		const data = readFileSync(file('social.csv'));
		const { mapping } = await previewFile(file('social.csv'), data);
		expect(mapping.metricNameColumn).toBe('Criterion');
		const result = await inspectJson(file('social.csv'), '--metric-column', 'Platform');
		expect(result.files[0]?.mapping).toEqual(withMetricNameColumn(mapping, 'Platform'));
		expect(result.files[0]?.mapping).toEqual(
			applyMappingChoices(mapping, { metricColumns: ['Platform'] })
		);
		// web is p = 0: every day's 3 criteria, sum over days 1-5 of (3 * day * 100 + 0 + 10 + 20).
		const web = 3 * 100 * 15 + 5 * 30;
		expect(result.metrics.map((m) => [m.id, m.count, m.sum]).sort()).toEqual([
			['mobile', 15, web + 15],
			['web', 15, web]
		]);
	});

	it('--layout wide: one metric Value split by Criterion and Platform', async () => {
		const result = await inspectJson(file('social.csv'), '--layout', 'wide');
		expect(result.files[0]?.mapping).toMatchObject({
			layout: 'wide',
			metricColumns: ['Value'],
			segmentColumns: ['Criterion', 'Platform']
		});
		// Sum of day * 100 * 6 + (0 + 10 + 20) * 2 + 3 over 5 days.
		expect(result.metrics).toMatchObject([{ id: 'Value', count: 30, sum: 600 * 15 + 5 * 63 }]);
	});

	it('--segment: only the columns named split the metric', async () => {
		const result = await inspectJson(
			file('social.csv'),
			'--layout',
			'wide',
			'--segment',
			'Platform'
		);
		expect(result.files[0]?.mapping).toMatchObject({
			segmentColumns: ['Platform'],
			ignoredColumns: ['Criterion']
		});
	});

	it('--encoding: the same bytes as windows-1252 rather than UTF-8', async () => {
		expect((await inspectJson(file('cafe.csv'))).metrics.map((m) => m.id)).toEqual(['Café']);
		const latin = await inspectJson(file('cafe.csv'), '--encoding', 'windows-1252');
		expect(latin.metrics.map((m) => m.id)).toEqual(['CafÃ©']);
		expect(latin.files[0]?.encoding).toBe('windows-1252');
	});

	it('--date-order: 01/02/2024 is 2 January (MDY, assumed) or 1 February (DMY)', async () => {
		const assumed = await inspectJson(file('ambiguous.csv'));
		expect(assumed.metrics[0]).toMatchObject({ firstDate: '2024-01-02', lastDate: '2024-03-04' });
		const dmy = await inspectJson(file('ambiguous.csv'), '--date-order', 'DMY');
		expect(dmy.metrics[0]).toMatchObject({
			firstDate: '2024-02-01',
			lastDate: '2024-04-03',
			sum: 7
		});
	});

	it('--header-line: the second line is the header, so no row is rejected', async () => {
		const guessed = await inspectJson(file('two-headers.csv'));
		expect(guessed.files[0]).toMatchObject({ rowsRead: 3, rowsRejected: 1 });
		const told = await inspectJson(file('two-headers.csv'), '--header-line', '2');
		expect(told.files[0]).toMatchObject({ rowsRead: 2, rowsLoaded: 2, rowsRejected: 0 });
		expect(told.metrics).toMatchObject([{ id: 'visits', count: 2, sum: 7 }]);
	});

	it('--repeats: a date on two rows is added up, or its first row kept', async () => {
		const summed = await inspectJson(file('twice.csv'));
		expect(summed.metrics).toMatchObject([{ id: 'visits', count: 4, sum: 11 }]);
		const first = await inspectJson(file('twice.csv'), '--repeats', 'first');
		expect(first.files[0]).toMatchObject({ rowsRead: 4, rowsLoaded: 3, rowsRejected: 1 });
		expect(first.files[0]?.rejected).toEqual([
			{ line: 5, column: null, reason: '2024-01-02 is on line 3 too; the first row is kept' }
		]);
		expect(first.metrics).toMatchObject([{ id: 'visits', count: 3, sum: 6 }]);
		const wrong = await flywheel('inspect', file('twice.csv'), '--repeats', 'max');
		expect(wrong).toMatchObject({ code: 2 });
		expect(wrong.stderr).toContain('--repeats must be sum, first, last or reject, not "max"');
	});

	it('--delimiter: the preview’s mapping for that delimiter', async () => {
		const data = readFileSync(file('pipes.csv'));
		const { mapping } = await previewFile(file('pipes.csv'), data, { delimiter: '|' });
		const result = await inspectJson(file('pipes.csv'), '--delimiter', 'pipe');
		expect(result.files[0]?.mapping).toEqual(mapping);
		expect(mapping.columns).toEqual(['date', 'visits,clicks']);
		expect(result.metrics).toMatchObject([{ id: 'visits,clicks', count: 2, sum: 7 }]);
	});
});

describe('flywheel review without --config', () => {
	it('guesses the catalog from the data, as the app does, and reviews every metric', async () => {
		const run = await flywheel('review', file('social.csv'), '--json');
		expect(run).toMatchObject({ code: 0, stderr: '' });
		const review = JSON.parse(run.stdout) as Review;
		expect(review.blocks.flatMap((b) => b.metrics.map((m) => m.id)).sort()).toEqual(
			[...SOCIAL_CRITERIA].sort()
		);
		const text = await flywheel('review', file('social.csv'));
		expect(text.stdout).toContain('\nCatalog guessed from the data (no --config)');
	});
});
