/**
 * Issue 15: files that cannot load say exactly why, in one line: a size over the limit that reads
 * apart from the limit, an empty file, a header with no rows, a file that is not text.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest';
import { formatBytes, MAX_FILE_BYTES } from '../limits';
import { previewFile } from '../mapping';
import { engineWithEmptyStore } from './store';

const engine = engineWithEmptyStore();

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A Blob that says it is `size` bytes long (nothing past the limit is ever read). */
function blobOfSize(size: number): Blob {
	return new (class extends Blob {
		override get size() {
			return size;
		}
	})(['Date,x\n']);
}

async function errorOf(name: string, data: Blob | Uint8Array) {
	const { files } = await ingestFiles(engine, [{ name, data }]);
	return files[0]?.error;
}

describe('sizes that can be told apart', () => {
	it('formats sizes in binary units with three digits', () => {
		expect(formatBytes(512)).toBe('512 bytes');
		expect(formatBytes(1536)).toBe('1.50 KiB');
		expect(formatBytes(38_902_000)).toBe('37.1 MiB');
		expect(formatBytes(MAX_FILE_BYTES)).toBe('1.00 GiB');
	});

	it('says a file just over the limit in bytes (1,075,879,661 against 1,073,741,824)', async () => {
		expect(await errorOf('big.csv', blobOfSize(1_075_879_661))).toBe(
			'big.csv is 1,075,879,661 bytes; Flywheel loads files up to 1,073,741,824 bytes (1.00 GiB) in the browser. Split or filter the export and load the parts.'
		);
	});

	it('has no limit where the caller says so (the CLI, on native DuckDB spilling to disk)', async () => {
		// The same 1.5 GiB Blob, read past the size check: it says 'Date,x' and no more (the rest
		// of its claimed size is never there), so no column holds dates.
		const { files } = await ingestFiles(
			engine,
			[{ name: 'cli.csv', data: blobOfSize(1.5 * MAX_FILE_BYTES) }],
			{
				maxFileBytes: Infinity
			}
		);
		expect(files[0]?.error).toBe('No column holds dates; choose the date column.');
	});

	it('says a file well over the limit in GiB', async () => {
		expect(await errorOf('bigger.csv', blobOfSize(1.5 * MAX_FILE_BYTES))).toMatch(
			/^bigger\.csv is 1\.50 GiB; Flywheel loads files up to 1\.00 GiB /
		);
	});
});

describe('files no mapping can load, refused in the preview already', () => {
	const random = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
	const cases: [string, Uint8Array, string][] = [
		['empty.csv', new Uint8Array(0), 'The file is empty (0 bytes).'],
		['blank.csv', utf8('\n\n  \n'), 'The file holds only blank lines.'],
		['header.csv', utf8('Date,Sales\n'), 'The file has a header but no data rows.'],
		[
			'image.csv',
			new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...random.slice(0, 600)]),
			'This is not a text file: it looks like a PNG image.'
		],
		[
			'book.csv',
			new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...random.slice(0, 100)]),
			'This is not a text file: it looks like a ZIP archive, as an Excel .xlsx workbook is.'
		],
		['noise.csv', random, 'This is not a text file: its first bytes are binary data, not CSV.'],
		[
			'noise.csv.gz',
			gzipSync(random),
			'This is not a text file: it is gzip-compressed binary data, not CSV.'
		],
		[
			'broken.gz',
			new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x67, 0x61, 0x72, 0x62, 0x61, 0x67, 0x65, 0, 0, 0]),
			'The file starts like gzip but does not unpack'
		]
	];
	for (const [name, data, message] of cases) {
		it(`${name}: ${message}`, async () => {
			// The preview refuses it (the upload page then shows the sentence and offers no Load) ...
			await expect(previewFile(name, data)).rejects.toThrow(message);
			// ... and a load, as the CLI runs it, gives the same one line.
			const error = await errorOf(name, data);
			expect(error?.startsWith(message)).toBe(true);
			expect(error).toMatch(/^[^\n]+$/);
		});
	}

	it('still reads a short text with a stray NUL byte (csvkit/null_byte.csv)', async () => {
		const preview = await previewFile('nul.csv', utf8('Date,Sales\n2024-01-01,\u00002\n'));
		expect(preview.rows).toHaveLength(1);
	});
});
