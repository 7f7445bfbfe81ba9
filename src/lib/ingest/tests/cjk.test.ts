/**
 * Issue 15: Shift-JIS from Japanese Excel (and by the same token GBK/GB18030 and EUC-KR) was read
 * as windows-1252, `売上` becoming `\x94\x84\x8f\xe3`, with no note. Each is detected from its
 * bytes, decoded by the platform's TextDecoder (the same in the browser), named in the report.
 * The bytes below are Python's encodings of the texts beside them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCjk } from '../cjk';
import { detectEncoding } from '../decoding';
import { ingestFiles } from '../ingest';
import { previewFile } from '../mapping';
import { BAD_INPUT } from './corpus';
import { engineWithEmptyStore } from './store';

const engine = engineWithEmptyStore();

const hex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

const FILES = [
	{
		// 日付,売上,地域 / 2024-01-01,100,東京
		encoding: 'shift_jis',
		bytes: '93fa95742c94848fe32c926e88e60a323032342d30312d30312c3130302c938c8b9e0a',
		metric: '売上',
		region: '東京'
	},
	{
		// 日付,売上,地域 / 2024-01-01,100,东京
		encoding: 'gb18030',
		bytes: 'c8d5b8b62c89d3c9cf2cb5d8d3f20a323032342d30312d30312c3130302cb6abbea90a',
		metric: '売上',
		region: '东京'
	},
	{
		// 날짜,매출,지역 / 2024-01-01,100,서울
		encoding: 'euc-kr',
		bytes: 'b3afc2a52cb8c5c3e22cc1f6bfaa0a323032342d30312d30312c3130302cbcadbfef0a',
		metric: '매출',
		region: '서울'
	}
] as const;

describe('legacy CJK encodings', () => {
	for (const file of FILES) {
		it(`reads ${file.encoding}: the metric ${file.metric} split by ${file.region}`, async () => {
			const data = hex(file.bytes);
			expect(detectEncoding(data)).toBe(file.encoding);
			const { files, metrics } = await ingestFiles(engine, [{ name: 'cjk.csv', data }]);
			expect(files[0]).toMatchObject({ encoding: file.encoding, rowsLoaded: 1 });
			expect(metrics).toMatchObject([{ id: file.metric, count: 1, sum: 100 }]);
			const segments = await engine.query('SELECT * FROM observations');
			expect(Object.values(segments.columns).flat()).toContain(file.region);
		});
	}

	it('reads DuckDB’s Shift-JIS test file (duckdb/encodings/shift_jis.csv)', async () => {
		const data = readFileSync(path.join(BAD_INPUT, 'duckdb/encodings/shift_jis.csv'));
		const preview = await previewFile('shift_jis.csv', data);
		expect(preview.mapping.encoding).toBe('shift_jis');
		expect(preview.mapping.columns).toEqual(['名前', '年齢']);
		expect(preview.rows.slice(0, 4)).toEqual([
			['名前', '25'],
			['山田', '30'],
			['佐藤', '28'],
			['鈴木', '32']
		]);
	});

	it('leaves Latin-1 text as windows-1252', () => {
		for (const text of [
			'Date,Café,Umsatz\n2024-01-01,1,2\n',
			'Name,Müller,Straße,Größe\nÄrger,Öl,Übel\n',
			'Ville,Montréal,Québec,Zürich\n',
			'Revenue \x80,Señor,Ñandú\n'
		]) {
			expect(detectCjk(latin1(text))).toBeNull();
			expect(detectEncoding(latin1(text))).toBe('windows-1252');
		}
	});
});
