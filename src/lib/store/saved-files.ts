/**
 * What the user loaded survives a reload and a browser restart: each uploaded file's bytes and
 * the mapping the user confirmed are kept in the browser's origin-private file system (OPFS),
 * which holds files of hundreds of megabytes without copying them through JS memory. Nothing
 * leaves the browser. On start-up the saved files are read back and loaded again.
 */

export interface SavedFile<Meta> {
	id: string;
	name: string;
	size: number;
	savedAt: string;
	/** What the ingest needs to load the file again exactly as before (the confirmed mapping). */
	meta: Meta;
	file: File;
}

/** Browser storage is missing (private window, policy) or full: `message` is for the user. */
export class StorageError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'StorageError';
	}
}

const ROOT = 'flywheel-files';
const META = '.meta.json';

async function folder(): Promise<FileSystemDirectoryHandle> {
	if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) {
		throw new StorageError(
			'This browser gives Flywheel no storage, so loaded files will not survive a reload.'
		);
	}
	try {
		const root = await navigator.storage.getDirectory();
		return await root.getDirectoryHandle(ROOT, { create: true });
	} catch (error) {
		throw new StorageError(
			`Browser storage is unavailable (${error instanceof Error ? error.message : error}); loaded files will not survive a reload.`,
			{ cause: error }
		);
	}
}

function isQuotaError(error: unknown): boolean {
	return error instanceof DOMException && error.name === 'QuotaExceededError';
}

async function writeFile(dir: FileSystemDirectoryHandle, name: string, data: Blob | string) {
	const handle = await dir.getFileHandle(name, { create: true });
	const writable = await handle.createWritable();
	try {
		await writable.write(data);
		await writable.close();
	} catch (error) {
		await writable.abort().catch(() => {});
		throw error;
	}
}

/** Keeps a file and its metadata; a full disk gives a message with the file's size. */
export async function saveFile<Meta>(file: File, meta: Meta): Promise<SavedFile<Meta>> {
	const dir = await folder();
	const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
	const savedAt = new Date().toISOString();
	try {
		const entry = await dir.getDirectoryHandle(id, { create: true });
		await writeFile(entry, file.name, file);
		await writeFile(entry, META, JSON.stringify({ name: file.name, savedAt, meta }));
		// Ask the browser not to evict Flywheel's storage under pressure; a refusal is not an error.
		await navigator.storage.persist?.().catch(() => false);
		const stored = await (await entry.getFileHandle(file.name)).getFile();
		return { id, name: file.name, size: file.size, savedAt, meta, file: stored };
	} catch (error) {
		await dir.removeEntry(id, { recursive: true }).catch(() => {});
		if (isQuotaError(error)) {
			const mb = (file.size / 1e6).toFixed(1);
			throw new StorageError(
				`Browser storage is full: ${file.name} (${mb} MB) is loaded for now but will not survive a reload. Remove a saved file to make room.`,
				{ cause: error }
			);
		}
		throw new StorageError(
			`${file.name} could not be saved in the browser (${error instanceof Error ? error.message : error}); it is loaded for now but will not survive a reload.`,
			{ cause: error }
		);
	}
}

/** Every saved file, oldest first. A damaged entry is skipped, not fatal. */
export async function savedFiles<Meta>(): Promise<SavedFile<Meta>[]> {
	const dir = await folder();
	const files: SavedFile<Meta>[] = [];
	for await (const [id, handle] of dir.entries()) {
		if (handle.kind !== 'directory') continue;
		try {
			const entry = handle as FileSystemDirectoryHandle;
			const metaFile = await (await entry.getFileHandle(META)).getFile();
			const { name, savedAt, meta } = JSON.parse(await metaFile.text()) as {
				name: string;
				savedAt: string;
				meta: Meta;
			};
			const file = await (await entry.getFileHandle(name)).getFile();
			files.push({ id, name, size: file.size, savedAt, meta, file });
		} catch {
			continue;
		}
	}
	return files.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

export async function updateMeta<Meta>(id: string, meta: Meta): Promise<void> {
	const entry = await (await folder()).getDirectoryHandle(id);
	const current = JSON.parse(await (await (await entry.getFileHandle(META)).getFile()).text());
	await writeFile(entry, META, JSON.stringify({ ...current, meta }));
}

const isNotFound = (error: unknown) =>
	error instanceof DOMException && error.name === 'NotFoundError';

/** Forgets a saved file; one already gone (another tab removed it) is not an error. */
export async function removeFile(id: string): Promise<void> {
	try {
		await (await folder()).removeEntry(id, { recursive: true });
	} catch (error) {
		if (!isNotFound(error)) throw error;
	}
}

/** A small text document kept beside the files (the catalog), by name; null when there is none. */
export async function readDocument(name: string): Promise<string | null> {
	try {
		const handle = await (await folder()).getFileHandle(`${name}${META}`);
		return await (await handle.getFile()).text();
	} catch (error) {
		if (isNotFound(error)) return null;
		throw error;
	}
}

/** Forgets a document (starting the catalog again); one that is not there is not an error. */
export async function removeDocument(name: string): Promise<void> {
	try {
		await (await folder()).removeEntry(`${name}${META}`);
	} catch (error) {
		if (!isNotFound(error)) throw error;
	}
}

export async function saveDocument(name: string, text: string): Promise<void> {
	try {
		await writeFile(await folder(), `${name}${META}`, text);
	} catch (error) {
		if (error instanceof StorageError) throw error;
		throw new StorageError(
			isQuotaError(error)
				? `Browser storage is full: ${name} was not saved. Remove a saved file to make room.`
				: `${name} could not be saved in the browser (${error instanceof Error ? error.message : error}).`,
			{ cause: error }
		);
	}
}

/**
 * Reads a document, changes it and writes it back with no other tab writing it in between (a
 * Web Lock per document, where the browser has them): two tabs' saves then merge, entry by entry,
 * instead of the later one writing back a stale copy over the other's change.
 */
export async function updateDocument(
	name: string,
	change: (stored: string | null) => string
): Promise<string> {
	const run = async () => {
		const text = change(await readDocument(name));
		await saveDocument(name, text);
		return text;
	};
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	return locks ? locks.request(`flywheel:${name}`, run) : run();
}
