/**
 * The first bytes of a file as text: the stages "bytes" (size, gzip) and "text" (encoding) of a
 * load, before the dialect is sniffed. The sample is the first 64 KB, doubled (up to 8 MB) until
 * it holds a header and a few whole rows however wide they are.
 */
import {
	checkSize,
	decodeText,
	detectEncoding,
	gunzip,
	isGzip,
	readHead,
	sizeOf,
	type Bytes
} from './decoding';
import { MAX_SNIFF_BYTES, SNIFF_BYTES, SNIFF_MIN_LINES } from './limits';
import { UnreadableFileError } from './refusals';
import type { Encoding } from './types';

export interface Sample {
	encoding: Encoding;
	gzip: boolean;
	text: string;
	/** The whole file fitted in the sample. */
	complete: boolean;
	/** The sample's bytes (unpacked), and the file's size (unpacked, when that fitted the sample). */
	head: Uint8Array;
	size: number;
}

/**
 * Reads and decodes the first SNIFF_BYTES (or more, see above) of a file (after gunzip when it is compressed), in the
 * encoding it detects or the one given.
 */
export async function readSample(
	name: string,
	data: Blob | Uint8Array,
	given?: Encoding,
	maxFileBytes?: number
): Promise<Sample> {
	checkSize(name, data, maxFileBytes);
	const raw = await readHead(data, SNIFF_BYTES);
	const gzip = isGzip(raw);
	let head: Bytes = raw;
	let size = sizeOf(data);
	let complete: boolean;
	// A wide file's first rows may be longer than the usual sample: it grows until they fit.
	for (let bytes = SNIFF_BYTES; ; bytes *= 2) {
		if (gzip) {
			// One byte more than the sample says whether the sample is the whole file.
			const start = await gunzip(name, data, undefined, bytes + 1).catch((error: unknown) => {
				throw new UnreadableFileError(
					`The file starts like gzip but does not unpack (${error instanceof Error ? error.message : String(error)}).`
				);
			});
			head = await readHead(start, bytes);
			size = start.size;
		} else if (bytes > SNIFF_BYTES) head = await readHead(data, bytes);
		complete = size <= bytes;
		if (complete || bytes >= MAX_SNIFF_BYTES || hasLines(head, SNIFF_MIN_LINES)) break;
	}
	const encoding = given ?? detectEncoding(head);
	return { encoding, gzip, text: decodeText(head, encoding, complete), complete, head, size };
}

/** Whether the bytes hold at least `count` line ends (LF, or CR; UTF-16's are found too). */
function hasLines(bytes: Uint8Array, count: number): boolean {
	let found = 0;
	for (let i = 0; i < bytes.length; i++) {
		const c = bytes[i];
		if (c === 10 || (c === 13 && bytes[i + 1] !== 10)) if (++found >= count) return true;
	}
	return false;
}
