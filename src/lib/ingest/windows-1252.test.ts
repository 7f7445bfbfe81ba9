/**
 * Windows-1252 read the same in Node as in the browser: every byte by the WHATWG table (the same
 * check runs in Chromium, tests/e2e/windows-1252.test.js), and the 27 characters of 0x80-0x9F in a
 * header, a segment value and a metric name, through the real ingest on DuckDB.
 */
import { describe, expect, it } from 'vitest';
import { transcode } from './decoding';
import { ingestFiles } from './ingest';
import { previewFile } from './mapping';
import { engineWithEmptyStore } from './tests/store';
import { DEFINED_HIGH_BYTES, DEFINED_HIGH_TEXT, windows1252Mismatches } from './windows-1252.cases';
import { decodeWindows1252 } from './windows-1252';

const engine = engineWithEmptyStore();

/** Windows-1252 bytes of an ASCII text in which `~` stands for the 27 bytes 0x80-0x9F Windows defines. */
function cp1252(text: string): Uint8Array {
	const bytes: number[] = [];
	for (const c of text) {
		if (c === '~') bytes.push(...DEFINED_HIGH_BYTES);
		else if (c.charCodeAt(0) < 0x80) bytes.push(c.charCodeAt(0));
		else throw new Error(`not ASCII: ${c}`);
	}
	return Uint8Array.from(bytes);
}

describe('windows-1252', () => {
	it('decodes every byte as the WHATWG standard says, 0x80-0x9F included', () => {
		expect(DEFINED_HIGH_BYTES).toHaveLength(27);
		expect(DEFINED_HIGH_TEXT).toBe('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
		expect(windows1252Mismatches(decodeWindows1252)).toEqual([]);
	});

	it('is what Node 20 gets wrong: its TextDecoder reads 0x80 as a control character', () => {
		// The reason for the table; if a later Node reads it right, the check says so.
		expect(windows1252Mismatches((b) => new TextDecoder('windows-1252').decode(b))).toContain(
			'0x80: U+0080, expected U+20AC'
		);
	});

	it('transcodes a file slice by slice to the same text', async () => {
		const bytes = cp1252('a~b\n'.repeat(40_000)); // 1.2 MB: more than one slice
		const text = await (await transcode('big.csv', bytes, 'windows-1252')).text();
		expect(text).toBe(`a${DEFINED_HIGH_TEXT}b\n`.repeat(40_000));
	});

	it('reads the 27 characters in a header and a segment value (wide) and a metric name (long)', async () => {
		const wide = cp1252(
			[
				'sep=;',
				'Datum;Region;Umsatz (~)',
				'05.01.2024;Nord;1.234,50',
				'05.01.2024;S~d;10,5',
				'06.01.2024;S~d;2'
			].join('\r\n')
		);
		const long = cp1252(
			['date,kpi,value', '2024-01-05,views,3', '2024-01-05,reach ~,4', '2024-01-06,reach ~,5'].join(
				'\n'
			)
		);
		const preview = await previewFile('umsatz.csv', wide);
		expect(preview.mapping).toMatchObject({
			encoding: 'windows-1252',
			delimiter: ';',
			metricColumns: [`Umsatz (${DEFINED_HIGH_TEXT})`],
			segmentColumns: ['Region']
		});
		const { files, metrics } = await ingestFiles(engine, [
			{ name: 'umsatz.csv', data: wide },
			{ name: 'social.csv', data: long }
		]);
		expect(files.map((f) => [f.encoding, f.layout, f.rowsLoaded, f.rowsRejected])).toEqual([
			['windows-1252', 'wide', 3, 0],
			['windows-1252', 'long', 3, 0]
		]);
		expect(metrics.map((m) => [m.id, m.count, m.sum])).toEqual(
			expect.arrayContaining([
				[`Umsatz (${DEFINED_HIGH_TEXT})`, 3, 1234.5 + 10.5 + 2],
				[`reach ${DEFINED_HIGH_TEXT}`, 2, 9],
				['views', 1, 3]
			])
		);
		const bySegment = await engine.query(
			`SELECT "Region" AS region, sum(value) AS total FROM observations WHERE metric LIKE 'Umsatz%' GROUP BY region ORDER BY region`
		);
		expect(bySegment.columns).toEqual({
			region: ['Nord', `S${DEFINED_HIGH_TEXT}d`],
			total: [1234.5, 12.5]
		});
	});
});
