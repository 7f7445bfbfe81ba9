/**
 * Long passes over a file's bytes (decoding, counting lines, finding record starts) run on the
 * page's main thread, so they give the event loop back every few milliseconds: input, rendering
 * and the progress bar keep going while a large file loads. The same code runs in Node (the CLI,
 * the tests), where a pause costs next to nothing.
 */

/** A pass runs at most this long before it lets other tasks run (the budget is 200 ms a task). */
export const SLICE_MS = 20;

/** The bytes a pass handles between two looks at the clock: a few milliseconds of work. */
export const SLICE_BYTES = 1 << 20;

/**
 * Resolves in a new task. A message (not `setTimeout`, which nested calls clamp to 4 ms and
 * background tabs to once a second) in the browser; `setImmediate` in Node.
 */
export function nextTask(): Promise<void> {
	if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}

/** Reports a pass over bytes: how many are done, of how many. */
export type BytesDone = (done: number, total: number) => void;

/** Pauses a pass once it has run `SLICE_MS` since its last pause. */
export class Pacer {
	#since = performance.now();

	constructor(private readonly sliceMs = SLICE_MS) {}

	/** Call between slices of work: yields only when the slice budget is spent. */
	async pause(): Promise<void> {
		if (performance.now() - this.#since < this.sliceMs) return;
		await nextTask();
		this.#since = performance.now();
	}
}

/**
 * The bytes of `data` from the start to `end`, one `SLICE_BYTES` slice at a time: a Blob is read
 * a slice ahead and never held whole. Between slices the pass pauses when its time is spent.
 */
export async function* slicesOf(
	data: Blob | Uint8Array,
	onBytes?: BytesDone,
	end = data instanceof Uint8Array ? data.byteLength : data.size
): AsyncGenerator<Uint8Array> {
	const pacer = new Pacer();
	if (data instanceof Uint8Array) {
		for (let at = 0; at < end; at += SLICE_BYTES) {
			const stop = Math.min(at + SLICE_BYTES, end);
			yield data.subarray(at, stop);
			onBytes?.(stop, end);
			await pacer.pause();
		}
		return;
	}
	const read = (at: number) =>
		at < end ? data.slice(at, Math.min(at + SLICE_BYTES, end)).arrayBuffer() : null;
	let next = read(0);
	for (let at = 0; next; at += SLICE_BYTES) {
		const slice = new Uint8Array(await next);
		next = read(at + SLICE_BYTES);
		yield slice;
		onBytes?.(Math.min(at + SLICE_BYTES, end), end);
		await pacer.pause();
	}
}

/** Bytes put into one Blob at a time: copying them is a few milliseconds. */
const BLOB_GROUP_BYTES = 4 << 20;

/**
 * One Blob of many parts, built a few megabytes at a time (a Blob copies its parts when it is
 * made; a Blob of Blobs does not), so no step copies a whole file at once.
 */
export async function blobOf(parts: Uint8Array<ArrayBuffer>[]): Promise<Blob> {
	const pacer = new Pacer();
	const groups: Blob[] = [];
	let group: Uint8Array<ArrayBuffer>[] = [];
	let bytes = 0;
	for (const part of parts) {
		group.push(part);
		bytes += part.byteLength;
		if (bytes >= BLOB_GROUP_BYTES) {
			groups.push(new Blob(group));
			group = [];
			bytes = 0;
			await pacer.pause();
		}
	}
	if (group.length > 0) groups.push(new Blob(group));
	return groups.length === 1 ? (groups[0] as Blob) : new Blob(groups);
}
