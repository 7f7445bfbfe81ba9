/**
 * Real exports load (or say why not), and `flywheel inspect --json`, run as the user runs it,
 * reports each WBR scenario metric's count and sum exactly as a person adds up the column.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';
import { ingestFiles } from '../ingest';
import type { IngestResult } from '../types';
import { filesUnder, REAL_EXPORTS } from './corpus';
import { handTotals, WBR, WBR_FILES } from './wbr-files';

const run = promisify(execFile);

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
});
afterAll(async () => engine.close());

describe('real exports', () => {
	for (const file of filesUnder(REAL_EXPORTS).filter((f) => /\.(csv|tsv|txt|gz)$/.test(f))) {
		const name = path.relative(REAL_EXPORTS, file);
		it(`${name} loads or gives a clear reason`, async () => {
			await engine.query('DROP TABLE IF EXISTS observations');
			const { files, metrics } = await ingestFiles(engine, [{ name, data: readFileSync(file) }]);
			const report = files[0];
			if (report?.error) expect(report.error).toMatch(/^[^\n]{10,400}$/);
			else {
				expect(report?.rowsRead).toBe((report?.rowsLoaded ?? 0) + (report?.rowsRejected ?? 0));
				expect(report?.rowsLoaded).toBeGreaterThan(0);
				expect(metrics.length).toBeGreaterThan(0);
			}
		});
	}
});

describe('flywheel inspect --json', () => {
	const scenarios = WBR_FILES.filter((f) => f.startsWith('scenario_'));
	for (const file of scenarios) {
		it(`reports ${file} metric by metric`, async () => {
			const { stdout } = await run(
				'node',
				['bin/flywheel.js', 'inspect', path.join(WBR, file), '--json'],
				{
					maxBuffer: 64 * 1024 * 1024
				}
			);
			const result = JSON.parse(stdout) as IngestResult;
			const expected = handTotals(file);
			expect(result.files[0]?.rowsLoaded).toBe(expected.rows);
			for (const [column, total] of expected.totals) {
				const metric = result.metrics.find((m) => m.id === column);
				expect(metric?.count, column).toBe(total.count);
				expect(metric?.sum, column).toBeCloseTo(total.sum, 4);
			}
		});
	}

	it('exits non-zero with a one-line reason when a file cannot be read', async () => {
		const failure = await run('node', [
			'bin/flywheel.js',
			'inspect',
			'no-such-file.csv',
			'--json'
		]).catch((error: { code: number; stderr: string }) => error);
		expect(failure).toMatchObject({
			code: 1,
			stderr: 'flywheel inspect: no-such-file.csv: no such file\n'
		});
	});
});
