/**
 * Issue 15: `06.01.2024` among slashed dates read month first was 1 June 2024, with only the
 * generic "MDY assumed" note. A dotted date is another spelling: decided on its own values (day
 * first, as dots are written, unless they say otherwise) and named in a note with its line.
 */
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest';
import { engineWithEmptyStore } from './store';

const engine = engineWithEmptyStore();

async function load(name: string, text: string) {
	const { files } = await ingestFiles(engine, [{ name, data: new TextEncoder().encode(text) }]);
	const days = await engine.query(
		'SELECT date::VARCHAR AS day FROM observations ORDER BY source_line'
	);
	return { report: files[0], days: days.columns['day'] };
}

describe('dotted dates among slashed ones', () => {
	it('reads 06.01.2024 as 6 January among month-first dates, and says so with the line', async () => {
		const { report, days } = await load(
			'mixed.csv',
			'Date,Sales\n01/02/2024,1\n01/03/2024,2\n06.01.2024,3\n'
		);
		expect(report?.rowsLoaded).toBe(3);
		expect(days).toEqual(['2024-01-02', '2024-01-03', '2024-01-06']);
		expect(report?.notes).toContain(
			'1 date is written with dots (first "06.01.2024", line 4) among dates written otherwise: read day first (DMY), as dotted dates are written; the others MDY.'
		);
	});

	it('follows the dotted dates’ own values when they say month first', async () => {
		const { report, days } = await load(
			'dotted-mdy.csv',
			'Date,Sales\n1/13/2024,1\n06.01.2024,2\n06.14.2024,3\n'
		);
		expect(days).toEqual(['2024-01-13', '2024-06-01', '2024-06-14']);
		expect(report?.notes.join(' ')).not.toMatch(/with dots/);
	});

	it('leaves a file of dotted dates alone', async () => {
		const { report, days } = await load('dotted.csv', 'Date,Sales\n05.01.2024,1\n06.01.2024,2\n');
		expect(days).toEqual(['2024-01-05', '2024-01-06']);
		expect(report?.notes.join(' ')).not.toMatch(/with dots/);
	});
});
