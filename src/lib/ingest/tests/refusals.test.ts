/**
 * Issue 15: files that cannot load say exactly why, in one line: a size over the limit that reads
 * apart from the limit, an empty file, a header with no rows.
 */
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest';
import { formatBytes, MAX_FILE_BYTES } from '../limits';
import { engineWithEmptyStore } from './store';

const engine = engineWithEmptyStore();

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

	it('says a file well over the limit in GiB', async () => {
		expect(await errorOf('bigger.csv', blobOfSize(1.5 * MAX_FILE_BYTES))).toMatch(
			/^bigger\.csv is 1\.50 GiB; Flywheel loads files up to 1\.00 GiB /
		);
	});
});
