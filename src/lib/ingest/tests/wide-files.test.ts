/**
 * Issue 15: 10,000 columns and 50 rows. The header and the first row alone are wider than the
 * 64 KB sample, which used to find no date column; the sample now grows until it holds a few
 * whole rows, and the file loads.
 */
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest';
import { SNIFF_BYTES } from '../limits';
import { previewFile } from '../mapping';
import { engineWithEmptyStore } from './store';

const engine = engineWithEmptyStore();

const COLUMNS = 10_000;
const ROWS = 50;

function wideFile(): Uint8Array {
	const metrics = Array.from({ length: COLUMNS - 1 }, (_, i) => `metric_${i + 1}`);
	const lines = [['date', ...metrics].join(',')];
	for (let r = 0; r < ROWS; r++) {
		const day = new Date(Date.UTC(2024, 0, 1 + r)).toISOString().slice(0, 10);
		// Row r holds r + 1 in metric_1 and (r + i) % 10 in metric_i+1.
		lines.push([day, ...metrics.map((_, i) => String(i === 0 ? r + 1 : (r + i) % 10))].join(','));
	}
	return new TextEncoder().encode(lines.join('\n') + '\n');
}

describe('a file wider than the sample', () => {
	const data = wideFile();

	it('is wider than the usual sample in its header and first row', () => {
		const secondLineEnd = data.indexOf(10, data.indexOf(10) + 1);
		expect(secondLineEnd).toBeGreaterThan(SNIFF_BYTES);
	});

	it('previews its date column, 9,999 metrics and the first rows whole', async () => {
		const preview = await previewFile('wide.csv', data);
		expect(preview.mapping.dateColumn).toBe('date');
		expect(preview.mapping.metricColumns).toHaveLength(COLUMNS - 1);
		expect(preview.rows.length).toBeGreaterThanOrEqual(4);
		expect(preview.rows[0]?.[1]).toBe('1');
	});

	it('loads 50 rows of 9,999 metrics', async () => {
		const { files, metrics } = await ingestFiles(engine, [{ name: 'wide.csv', data }]);
		expect(files[0]).toMatchObject({ rowsRead: ROWS, rowsLoaded: ROWS, rowsRejected: 0 });
		expect(metrics).toHaveLength(COLUMNS - 1);
		// metric_1 holds 1 to 50: 1,275 in all.
		expect(metrics.find((m) => m.id === 'metric_1')).toMatchObject({ count: ROWS, sum: 1275 });
	}, 60_000);
});
