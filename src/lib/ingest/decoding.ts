/**
 * From the bytes of a file to UTF-8 text DuckDB can read: gzip is detected by its magic bytes,
 * the encoding by its byte-order mark, by the NUL bytes of UTF-16, or by UTF-8 failing to decode.
 * Only gzip and non-UTF-8 files are copied (into a Blob); a plain UTF-8 Blob goes to DuckDB
 * untouched.
 */
import { FileTooLargeError, MAX_DECODED_BYTES, MAX_FILE_BYTES, SNIFF_BYTES } from './limits';
import { blobOf, Pacer, slicesOf, type BytesDone } from './pacing';
import { detectCjk } from './cjk';
import type { Encoding } from './types';
import { decodeWindows1252 } from './windows-1252';

export type Bytes = Uint8Array<ArrayBuffer>;

const GZIP_MAGIC = [0x1f, 0x8b];

export function isGzip(head: Uint8Array): boolean {
	return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

export function sizeOf(data: Blob | Uint8Array): number {
	return data instanceof Uint8Array ? data.byteLength : data.size;
}

export async function readHead(data: Blob | Uint8Array, bytes = SNIFF_BYTES): Promise<Bytes> {
	if (data instanceof Uint8Array) return new Uint8Array(data.subarray(0, bytes));
	return new Uint8Array(await data.slice(0, bytes).arrayBuffer());
}

export async function readAll(data: Blob | Uint8Array): Promise<Bytes> {
	if (data instanceof Uint8Array) return data as Bytes;
	return new Uint8Array(await data.arrayBuffer());
}

/**
 * Decompresses gzip with the platform's DecompressionStream, refusing output beyond the limit.
 * The output is a Blob, made a few megabytes at a time; `onBytes` follows the compressed bytes.
 * With `upTo`, only about that many bytes are unpacked (a sample), and no limit applies.
 */
export async function gunzip(
	fileName: string,
	data: Blob | Uint8Array,
	onBytes?: BytesDone,
	upTo = Infinity
): Promise<Blob> {
	const blob = data instanceof Uint8Array ? new Blob([data as Bytes]) : data;
	let read = 0;
	const counted = new TransformStream<Bytes, Bytes>({
		transform(chunk, controller) {
			read += chunk.byteLength;
			onBytes?.(read, blob.size);
			controller.enqueue(chunk);
		}
	});
	const stream = blob.stream().pipeThrough(counted).pipeThrough(new DecompressionStream('gzip'));
	const reader = stream.getReader();
	const chunks: Bytes[] = [];
	let total = 0;
	// Stream steps whose data is already there run as one chain of microtasks: a pause now and
	// then lets the page run between them.
	const pacer = new Pacer();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total >= upTo) {
			chunks.push(value);
			await reader.cancel();
			break;
		}
		if (total > MAX_DECODED_BYTES) {
			await reader.cancel();
			throw new FileTooLargeError(
				fileName,
				total,
				MAX_DECODED_BYTES,
				'compressed files (unpacked)'
			);
		}
		chunks.push(value);
		await pacer.pause();
	}
	return blobOf(chunks);
}

/** Refuses a file too large for the tab, with its size and the limit (the CLI has none). */
export function checkSize(
	fileName: string,
	data: Blob | Uint8Array,
	limit: number = MAX_FILE_BYTES
): void {
	const size = sizeOf(data);
	if (size > limit) throw new FileTooLargeError(fileName, size, limit);
}

function utf16Guess(head: Uint8Array): Encoding | null {
	// UTF-16 text of mostly ASCII has a NUL in every other byte; no CSV in an 8-bit encoding does.
	const n = Math.min(head.byteLength - (head.byteLength % 2), 4096);
	if (n < 4) return null;
	let evenNul = 0;
	let oddNul = 0;
	for (let i = 0; i < n; i += 2) {
		if (head[i] === 0) evenNul++;
		if (head[i + 1] === 0) oddNul++;
	}
	const pairs = n / 2;
	if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
	if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
	return null;
}

function isValidUtf8(head: Uint8Array): boolean {
	try {
		// stream: true so a character cut by the end of the sample is not counted as invalid.
		new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
		return true;
	} catch {
		return false;
	}
}

export function detectEncoding(head: Uint8Array): Encoding {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	return utf16Guess(head) ?? (isValidUtf8(head) ? 'utf-8' : (detectCjk(head) ?? 'windows-1252'));
}

/**
 * A decoder for one text, slice after slice (`more`: the text goes on, so a character cut at the
 * slice's end waits for the next). Windows-1252 is Flywheel's own table, the same in Node and in
 * the browser (`windows-1252.ts`); the others are the platform's TextDecoder, which strips a BOM
 * for UTF-8 and UTF-16.
 */
function textDecoder(encoding: Encoding): (bytes: Uint8Array, more: boolean) => string {
	if (encoding === 'windows-1252') return decodeWindows1252;
	const decoder = new TextDecoder(encoding);
	return (bytes, more) => decoder.decode(bytes, { stream: more });
}

/** Text of bytes in the given encoding, without a byte-order mark; bad bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array, encoding: Encoding, final = true): string {
	return textDecoder(encoding)(bytes, !final);
}

/**
 * Transcodes a whole file to UTF-8 for DuckDB, which reads only UTF-8: one slice at a time (a
 * streaming decoder carries a character cut at a slice's end over to the next), pausing between
 * slices, into a Blob made a few megabytes at a time. So no step is a long main-thread task, and
 * the Blob is registered with DuckDB as a handle, not copied again.
 */
export async function transcode(
	fileName: string,
	data: Blob | Uint8Array,
	encoding: Encoding,
	onBytes?: BytesDone
): Promise<Blob> {
	const size = sizeOf(data);
	if (size > MAX_DECODED_BYTES)
		throw new FileTooLargeError(fileName, size, MAX_DECODED_BYTES, `${encoding} files`);
	const decode = textDecoder(encoding);
	const encoder = new TextEncoder();
	const parts: Bytes[] = [];
	for await (const slice of slicesOf(data, onBytes))
		parts.push(encoder.encode(decode(slice, true)) as Bytes);
	parts.push(encoder.encode(decode(new Uint8Array(0), false)) as Bytes);
	return blobOf(parts);
}
