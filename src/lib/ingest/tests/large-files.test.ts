/**
 * Large files on the full path, in slices: transcoding, record starts and byte-position lines
 * read a file one `SLICE_BYTES` slice at a time, and must give what one pass over the whole text
 * gives wherever a slice ends (inside a CRLF, a `""`, a UTF-16 character, a surrogate pair).
 * And the progress a load reports: real stages in order, never going back, ending at 1.
 */
import { describe, expect, it } from 'vitest';
import { engineWithEmptyStore } from './store';
import { transcode } from '../decoding';
import { ingestFiles } from '../ingest';
import { SLICE_BYTES } from '../pacing';
import { linesAt, recordStartLines } from '../record-starts';
import { splitRecords } from '../records';
import type { IngestProgress } from '../types';

const engine = engineWithEmptyStore();

const utf8 = (text: string) => new TextEncoder().encode(text);

/** `length` bytes of ASCII records (a header, then dated rows) ending with a line end. */
function filler(length: number): string {
	const row = '2024-01-01,1\n';
	const rows = Math.floor((length - 7) / row.length);
	return 'a,b\n' + row.repeat(rows) + 'x'.repeat(length - 7 - rows * row.length) + ',0\n';
}

/** Filler, then `tail`, so that the first slice ends right after `cut` in the tail. */
function cutAfter(tail: string, cut: string): string {
	return filler(SLICE_BYTES - (tail.indexOf(cut) + cut.length)) + tail;
}

/** The line holding a byte position, as one pass over the whole file counts it. */
function lineOf(bytes: Uint8Array, position: number): number {
	let line = 1;
	for (let i = 0; i < Math.min(position, bytes.length); i++) {
		const c = bytes[i];
		if (c === 10 || (c === 13 && bytes[i + 1] !== 10)) line++;
	}
	return line;
}

describe('record starts and lines, a slice at a time', () => {
	// Each case puts its tricky bytes right at the end of the first 1 MB slice.
	const cases: [string, string, string][] = [
		['CRLF cut between CR and LF', '2024-01-02,2\r\n2024-01-03,3\r\n', '2024-01-02,2\r'],
		['a lone CR at the end of a slice', '2024-01-02,2\r2024-01-03,3\r', '2024-01-02,2\r'],
		['"" cut in two inside quotes', '2024-01-02,"say ""hi""\nthere"\n2024-01-03,3\n', 'say "'],
		[
			'a closing quote at the end of a slice',
			'2024-01-02,"two\r\nlines"\n\n2024-01-03,3\n',
			'lines"'
		],
		['a quoted CRLF cut in two', '2024-01-02,"two\r\nlines"\r\n2024-01-03,3\r\n', 'two\r']
	];
	for (const [name, tail, cut] of cases) {
		it(name, async () => {
			const text = cutAfter(tail, cut);
			const bytes = utf8(text);
			expect(text.slice(0, SLICE_BYTES).endsWith(cut)).toBe(true);
			const expected = splitRecords(text, ',', true).map((r) => r.line);
			expect(await recordStartLines(bytes, ',', 0)).toEqual(expected);
			// A Blob is read in slices too: the same lines.
			expect(await recordStartLines(new Blob([bytes]), ',', 0)).toEqual(expected);
			const positions = [0, SLICE_BYTES - 2, SLICE_BYTES - 1, SLICE_BYTES, SLICE_BYTES + 1, null];
			expect(await linesAt(new Blob([bytes]), positions)).toEqual(
				positions.map((p) => (p === null ? null : lineOf(bytes, p)))
			);
		});
	}
});

describe('transcoding a slice at a time', () => {
	it('reads Latin-1 and UTF-16 characters cut by a slice end, as one decoder would', async () => {
		// The emoji's UTF-16 surrogate pair (4 bytes, after a 2-byte BOM) lies across the end of
		// the first slice: its first unit ends the slice, its second starts the next.
		const text = filler(SLICE_BYTES / 2 - 2 - 'Zürich '.length) + 'Zürich 😀,5\n2024-01-02,€5\n';
		const utf16 = new Uint8Array(2 + text.length * 2);
		utf16.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) {
			const unit = text.charCodeAt(i);
			utf16[2 + 2 * i] = unit & 0xff;
			utf16[3 + 2 * i] = unit >> 8;
		}
		expect(2 + 2 * text.indexOf('😀') + 2).toBe(SLICE_BYTES);
		expect(await (await transcode('u.csv', new Blob([utf16]), 'utf-16le')).text()).toBe(text);
		const latin = text.replace('😀', 'x');
		const latin1 = Uint8Array.from(latin, (c) => (c === '€' ? 0x80 : c.charCodeAt(0)));
		expect(await (await transcode('l.csv', latin1, 'windows-1252')).text()).toBe(latin);
	});
});

describe('progress', () => {
	/** A long export of `days` days in two regions; `extra` goes at the end of the first row. */
	function longExport(days: number, first = '') {
		const lines = ['date,metric,region,value'];
		for (let d = 0; d < days; d++) {
			const date = new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10);
			lines.push(`${date},orders,Zürich,${d}${d === 0 ? first : ''}`);
			lines.push(`${date},orders,Köln,${2 * d}`);
		}
		return lines.join('\n') + '\n';
	}

	it('reports a full-path file stage by stage, from 0 to 1, never going back', async () => {
		// Latin-1 with an NA cell: decoded in JavaScript, then every rule in SQL.
		const text = longExport(400).replace(',0\n', ',NA\n');
		const latin1 = Uint8Array.from(text, (c) => c.charCodeAt(0));
		const seen: IngestProgress[] = [];
		const { files } = await ingestFiles(engine, [{ name: 'latin1.csv', data: latin1 }], {
			onProgress: (p) => seen.push(p)
		});
		expect(files[0]).toMatchObject({ encoding: 'windows-1252', rowsRead: 800, rowsLoaded: 800 });
		const stages = seen.map((p) => p.stage).filter((s, i, all) => s !== all[i - 1]);
		expect(stages).toEqual(['decoding', 'reading', 'lines', 'dates', 'numbers', 'storing']);
		const done = seen.map((p) => p.done);
		expect(done).toEqual([...done].sort((a, b) => a - b));
		expect(done[0]).toBe(0);
		expect(done[done.length - 1]).toBe(1);
		// The rows DuckDB read are known from the line numbers on.
		expect(seen.find((p) => p.stage === 'lines')?.rowsRead).toBe(800);
	});

	it('gives each file its part of the bar by size', async () => {
		const small = utf8(longExport(10));
		const large = utf8(longExport(3000).replaceAll('orders', 'visits'));
		const seen: IngestProgress[] = [];
		await ingestFiles(
			engine,
			[
				{ name: 'large.csv', data: large },
				{ name: 'small.csv', data: small }
			],
			{ onProgress: (p) => seen.push(p) }
		);
		const firstOfSmall = seen.find((p) => p.file === 'small.csv');
		expect(firstOfSmall).toMatchObject({ fileIndex: 1, fileCount: 2 });
		// large.csv is about 115 KB, small.csv under the 64 KB floor: 115 / (115 + 64) of the bar.
		expect(firstOfSmall?.done).toBeCloseTo(large.byteLength / (large.byteLength + 65536), 3);
		expect(seen[seen.length - 1]?.done).toBe(1);
	});
});
