/**
 * Issue 15: an out-of-memory during a load was DuckDB's raw `Out of Memory Error: ...`. It is now
 * one sentence with the file's size, what was kept and what to do. DuckDB's memory limit is set
 * low here so that a 7 MB file runs out, as a 1 GB one does in a browser tab.
 */
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest';
import { engineWithEmptyStore } from './store';

const engine = engineWithEmptyStore();

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('out of memory', () => {
	it('says so in one sentence, and keeps the file loaded before', async () => {
		await ingestFiles(engine, [{ name: 'small.csv', data: utf8('date,x\n2024-01-01,1\n') }]);
		const lines = ['date,metric,region,value'];
		for (let i = 0; i < 300_000; i++)
			lines.push(`2024-01-${String(1 + (i % 28)).padStart(2, '0')},m${i % 20},r${i % 7},${i}`);
		const big = utf8(lines.join('\n') + '\n');
		await engine.query("SET memory_limit = '8MB'");
		try {
			const { files, metrics } = await ingestFiles(engine, [{ name: 'big.csv', data: big }]);
			expect(files[0]?.error).toMatch(
				/^big\.csv \(6\.\d\d MiB\) ran out of memory while loading: nothing of it was stored; the file loaded before is kept\. Split or filter the export and load the parts, or use the command line \(flywheel\), which spills to disk \(could not allocate [^\n]+\)\.$/
			);
			expect(files[0]?.rowsRead).toBe(0);
			expect(metrics).toEqual([expect.objectContaining({ id: 'x', count: 1, sum: 1 })]);
		} finally {
			await engine.query('RESET memory_limit');
		}
	});
});
