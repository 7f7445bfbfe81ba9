/**
 * The dataset the app reviews: the user's saved files when there are any, otherwise the demo
 * business. Every file goes through the same ingest into the one observations table; what the
 * user loaded is kept in browser storage and loaded again on the next visit (../store/README.md).
 *
 * A file loaded under the name of one already loaded is a new version of that export (next
 * week's `weekly.csv`): it replaces the old one, and its row says what changed. A file that is
 * refused changes nothing: over the demo, the demo stays; as a new version, the old one stays.
 */
import { asset } from '$app/paths';
import type { Engine } from '../engine/types';
import {
	ingestFiles,
	type FileReport,
	type IngestProgress,
	type Mapping,
	type MetricSummary
} from '../ingest';
import { announce, onAnnounced } from '../store/broadcast';
import { OBSERVATIONS } from '../store/observations';
import { keepReplaced, refreshChanges, type RefreshChange } from '../store/refresh';
import {
	removeFile,
	saveFile,
	savedFiles,
	StorageError,
	type SavedFile
} from '../store/saved-files';
import { session } from './session.svelte';
import type { Version } from './version-compare';

export const DEMO_FILE_NAME = 'demo-business.csv';

/** What a new version of an export changed, against the one it replaced. */
export interface Replacement extends RefreshChange {
	/** When the replaced version was saved; null when it was not. */
	savedAt: string | null;
	rowsBefore: number;
}

export interface LoadedFile {
	/** The saved copy's id; null when the file could not be saved (it is loaded for now). */
	savedId: string | null;
	savedAt: string | null;
	name: string;
	size: number;
	report: FileReport;
	replaced?: Replacement;
}

/** A file as loaded: what it takes to load it again. */
interface Source {
	name: string;
	data: Blob | Uint8Array;
	mapping?: Mapping;
	savedId: string | null;
	savedAt: string | null;
}

type Saved = SavedFile<{ mapping?: Mapping }>;

export class Dataset {
	kind = $state<'empty' | 'demo' | 'files'>('empty');
	files = $state.raw<LoadedFile[]>([]);
	metrics = $state.raw<MetricSummary[]>([]);
	/** A message about browser storage (unavailable, full) for the user. */
	storageMessage = $state<string | null>(null);
	/** Set when another tab changed the loaded files and this one loaded them again. */
	changedElsewhere = $state(false);
	/** The files being loaded right now, and how far the load is (null until it has begun). */
	loading = $state.raw<{
		names: string[];
		bytes: number;
		progress: IngestProgress | null;
	} | null>(null);
	/** Bumped whenever the observations change, so views know to query again. */
	version = $state(0);
	#sources: Source[] = [];
	/** Changes run one after another: another tab's news waits for a load under way. */
	#turn: Promise<unknown> = Promise.resolve();

	constructor() {
		onAnnounced('files', () => {
			if (this.kind === 'empty') return;
			void this.#inTurn(async () => {
				await this.#restore(await session.engine());
				this.changedElsewhere = true;
			}).catch(() => {});
		});
	}

	/** On start-up: the user's saved files if any, else the demo business (once, however asked). */
	restore(engine: Engine): Promise<void> {
		return this.#inTurn(async () => {
			if (this.kind === 'empty') await this.#restore(engine);
		});
	}

	async #restore(engine: Engine): Promise<void> {
		const saved = await this.#savedFiles();
		if (saved.length > 0) await this.#load(engine, saved.map(sourceOf), 'files');
		else await this.#loadDemo(engine);
	}

	loadDemo(engine: Engine): Promise<void> {
		return this.#inTurn(() => this.#loadDemo(engine));
	}

	/**
	 * Loads new files beside the ones already loaded (the demo makes way), and saves them; a file
	 * named like a loaded one replaces it. Throws, with the reason, when every file was refused.
	 */
	addFiles(engine: Engine, files: File[], mappings: Record<string, Mapping>): Promise<void> {
		return this.#inTurn(async () => {
			const sources = files.map((file) => ({
				name: file.name,
				data: file,
				savedId: null,
				savedAt: null,
				...(mappings[file.name] ? { mapping: mappings[file.name] } : {})
			}));
			// Only a file that loaded has a new version; one refused before is simply loaded again.
			const known = this.kind === 'files' ? this.files.filter((f) => !f.report.error) : [];
			if (sources.some((s) => known.some((f) => f.name === s.name))) {
				await this.#replace(engine, sources);
			} else await this.#add(engine, sources);
			announce('files');
		});
	}

	/** The loaded version of an export, as read (its data and mapping), to compare a new one with. */
	loadedVersion(name: string): Version | undefined {
		const source = this.#sources.find((s) => s.name === name);
		if (!source) return undefined;
		return { name, data: source.data, ...(source.mapping ? { mapping: source.mapping } : {}) };
	}

	/** Forgets a file: removed from storage (if another tab has not already), the rest loaded again. */
	remove(engine: Engine, file: LoadedFile): Promise<void> {
		return this.#inTurn(async () => {
			if (file.savedId) await removeFile(file.savedId);
			const rest = this.#sources.filter((s) =>
				file.savedId ? s.savedId !== file.savedId : s.name !== file.name
			);
			if (rest.length === 0) await this.#loadDemo(engine);
			else await this.#load(engine, rest, 'files');
			announce('files');
		});
	}

	async #loadDemo(engine: Engine): Promise<void> {
		const response = await fetch(asset('/demo/observations.csv'));
		if (!response.ok) throw new Error(`the demo data is missing (HTTP ${response.status})`);
		const data = new Uint8Array(await response.arrayBuffer());
		await this.#load(
			engine,
			[{ name: DEMO_FILE_NAME, data, savedId: null, savedAt: null }],
			'demo'
		);
	}

	async #add(engine: Engine, sources: Source[]): Promise<void> {
		const overDemo = this.kind === 'demo';
		if (overDemo) await this.#clear(engine);
		const result = await this.#ingest(engine, sources);
		const loaded = result.files.map((report, i) => this.#loaded(sources[i], report));
		const refused = loaded.filter((f) => f.report.error);
		if (overDemo && refused.length === loaded.length) {
			await this.#loadDemo(engine);
			throw new Error(`${refusal(refused)} The demo business is still loaded.`);
		}
		await this.#saveAll(sources, loaded);
		// A file refused before and now loaded again has one row, the new one.
		const names = sources.map((s) => s.name);
		const kept = overDemo ? [] : this.#sources.filter((s) => !names.includes(s.name));
		this.#sources = [...kept, ...sources.filter((s, i) => !loaded[i]?.report.error)];
		this.files = [...this.files.filter((f) => !names.includes(f.name)), ...loaded];
		this.metrics = result.metrics;
		this.kind = 'files';
		this.version++;
	}

	/** New versions of loaded exports: everything is loaded again, the old versions left out. */
	async #replace(engine: Engine, sources: Source[]): Promise<void> {
		const names = sources.map((s) => s.name);
		const before = this.#sources;
		const old = this.files.filter((f) => names.includes(f.name) && !f.report.error);
		const oldNames = old.map((f) => f.name);
		await keepReplaced(engine, oldNames);
		await this.#load(
			engine,
			[...before.filter((s) => !names.includes(s.name)), ...sources],
			'files'
		);
		const refused = this.files.filter((f) => oldNames.includes(f.name) && f.report.error);
		if (refused.length > 0) {
			await this.#load(engine, before, 'files');
			throw new Error(`${refusal(refused)} The version loaded before is kept.`);
		}
		const changes = await refreshChanges(engine, oldNames);
		const fresh = this.files.filter((f) => names.includes(f.name));
		await this.#saveAll(sources, fresh);
		// The old version leaves storage only once the new one is saved (storage may be full).
		for (const file of old) {
			const saved = fresh.some((f) => f.name === file.name && f.savedId);
			if (file.savedId && saved) await removeFile(file.savedId);
		}
		this.files = this.files.map((file) => {
			const previous = old.find((f) => f.name === file.name);
			const change = changes.get(file.name);
			if (!names.includes(file.name) || !previous || !change) return file;
			const saved = fresh.find((f) => f.name === file.name) ?? file;
			const replaced = {
				...change,
				savedAt: previous.savedAt,
				rowsBefore: previous.report.rowsRead
			};
			return { ...saved, replaced };
		});
	}

	/** Saves each loaded file, noting its id on the file and its source. */
	async #saveAll(sources: Source[], loaded: LoadedFile[]): Promise<void> {
		for (const file of loaded) {
			const source = sources.find((s) => s.name === file.name);
			if (file.report.error || !(source?.data instanceof File)) continue;
			const saved = await this.#save(source.data, file.report.mapping);
			source.savedId = file.savedId = saved?.id ?? null;
			source.savedAt = file.savedAt = saved?.savedAt ?? null;
		}
	}

	async #save(file: File, mapping: Mapping | undefined): Promise<Saved | null> {
		try {
			return await saveFile(file, { mapping });
		} catch (error) {
			if (!(error instanceof StorageError)) throw error;
			this.storageMessage = error.message;
			return null;
		}
	}

	/**
	 * The saved files, oldest first. Of two with one name (saved by an older Flywheel, or by two
	 * tabs at once), the newer is the export's current version and the older is forgotten.
	 */
	async #savedFiles(): Promise<Saved[]> {
		let saved: Saved[] = [];
		try {
			saved = await savedFiles();
		} catch (error) {
			this.storageMessage = error instanceof Error ? error.message : String(error);
		}
		const current = saved.filter(
			(entry, i) => !saved.slice(i + 1).some((e) => e.name === entry.name)
		);
		for (const entry of saved) {
			if (!current.includes(entry)) await removeFile(entry.id).catch(() => {});
		}
		return current;
	}

	async #load(engine: Engine, sources: Source[], kind: 'demo' | 'files'): Promise<void> {
		await this.#clear(engine);
		const result = await this.#ingest(engine, sources);
		this.#sources = sources;
		this.files = result.files.map((report, i) => this.#loaded(sources[i], report));
		this.metrics = result.metrics;
		this.kind = kind;
		this.version++;
	}

	async #ingest(engine: Engine, sources: Source[]) {
		this.loading = { names: sources.map((s) => s.name), bytes: sum(sources), progress: null };
		const mappings: Record<string, Mapping> = {};
		for (const source of sources) if (source.mapping) mappings[source.name] = source.mapping;
		try {
			return await ingestFiles(engine, sources, { mappings, onProgress: this.#progressed });
		} finally {
			this.loading = null;
		}
	}

	#loaded(source: Source | undefined, report: FileReport): LoadedFile {
		return {
			savedId: source?.savedId ?? null,
			savedAt: source?.savedAt ?? null,
			name: report.file,
			size: source ? size(source.data) : 0,
			report
		};
	}

	#progressed = (progress: IngestProgress): void => {
		if (this.loading) this.loading = { ...this.loading, progress };
	};

	#inTurn<T>(change: () => Promise<T>): Promise<T> {
		const result = this.#turn.then(change, change);
		this.#turn = result.catch(() => undefined);
		return result;
	}

	async #clear(engine: Engine): Promise<void> {
		await engine.query(`DROP TABLE IF EXISTS ${OBSERVATIONS}`);
		this.files = [];
		this.metrics = [];
		this.kind = 'empty';
	}
}

function sourceOf(entry: Saved): Source {
	return {
		name: entry.name,
		data: entry.file,
		savedId: entry.id,
		savedAt: entry.savedAt,
		...(entry.meta.mapping ? { mapping: entry.meta.mapping } : {})
	};
}

/** "empty.csv was not loaded: <reason>." for each refused file. */
function refusal(files: LoadedFile[]): string {
	return files.map((f) => `${f.name} was not loaded: ${f.report.error}`).join(' ');
}

const size = (data: Blob | Uint8Array) =>
	data instanceof Uint8Array ? data.byteLength : data.size;
const sum = (sources: Source[]) => sources.reduce((n, s) => n + size(s.data), 0);

export const dataset = new Dataset();
