/**
 * The dataset the app reviews: the user's saved files when there are any, otherwise the demo
 * business. Every file goes through the same ingest into the one observations table; what the
 * user loaded is kept in browser storage and loaded again on the next visit.
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
import { OBSERVATIONS } from '../store/observations';
import {
	removeFile,
	saveFile,
	savedFiles,
	StorageError,
	type SavedFile
} from '../store/saved-files';

export const DEMO_FILE_NAME = 'demo-business.csv';

export interface LoadedFile {
	/** The saved copy's id; null when the file could not be saved (it is loaded for now). */
	savedId: string | null;
	name: string;
	size: number;
	report: FileReport;
}

type Saved = SavedFile<{ mapping?: Mapping }>;

export class Dataset {
	kind = $state<'empty' | 'demo' | 'files'>('empty');
	files = $state.raw<LoadedFile[]>([]);
	metrics = $state.raw<MetricSummary[]>([]);
	/** A message about browser storage (unavailable, full) for the user. */
	storageMessage = $state<string | null>(null);
	/** The files being loaded right now, and how far the load is (null until it has begun). */
	loading = $state.raw<{
		names: string[];
		bytes: number;
		progress: IngestProgress | null;
	} | null>(null);
	/** Bumped whenever the observations change, so views know to query again. */
	version = $state(0);

	/** On start-up: the user's saved files if any, else the demo business. */
	async restore(engine: Engine): Promise<void> {
		let saved: Saved[] = [];
		try {
			saved = await savedFiles();
		} catch (error) {
			this.storageMessage = error instanceof Error ? error.message : String(error);
		}
		if (saved.length > 0) await this.#reload(engine, saved);
		else await this.loadDemo(engine);
	}

	async loadDemo(engine: Engine): Promise<void> {
		const response = await fetch(asset('/demo/observations.csv'));
		if (!response.ok) throw new Error(`the demo data is missing (HTTP ${response.status})`);
		const data = new Uint8Array(await response.arrayBuffer());
		await this.#replaceAll(engine, [{ name: DEMO_FILE_NAME, data }], {}, 'demo', () => null);
	}

	/** Loads new files beside the ones already loaded (the demo makes way), and saves them. */
	async addFiles(engine: Engine, files: File[], mappings: Record<string, Mapping>): Promise<void> {
		if (this.kind === 'demo') await this.#clear(engine);
		this.#startLoading(
			files.map((f) => f.name),
			sum(files.map((f) => f.size))
		);
		try {
			const result = await ingestFiles(
				engine,
				files.map((file) => ({ name: file.name, data: file })),
				{ mappings, onProgress: this.#progressed }
			);
			const loaded: LoadedFile[] = [];
			for (const [i, report] of result.files.entries()) {
				const file = files[i];
				if (!file) continue;
				const savedId = report.error ? null : await this.#save(file, report.mapping);
				loaded.push({ savedId, name: file.name, size: file.size, report });
			}
			this.files = [...this.files, ...loaded];
			this.metrics = result.metrics;
			this.kind = 'files';
			this.version++;
		} finally {
			this.loading = null;
		}
	}

	/** Forgets a file: removed from storage, and the rest loaded again without it. */
	async remove(engine: Engine, file: LoadedFile): Promise<void> {
		if (file.savedId) await removeFile(file.savedId);
		const rest = this.files.filter((f) => f !== file);
		if (rest.length === 0) {
			await this.loadDemo(engine);
			return;
		}
		let saved: Saved[] = [];
		try {
			saved = await savedFiles();
		} catch (error) {
			this.storageMessage = error instanceof Error ? error.message : String(error);
		}
		await this.#reload(engine, saved);
	}

	async #save(file: File, mapping: Mapping | undefined): Promise<string | null> {
		try {
			return (await saveFile(file, { mapping })).id;
		} catch (error) {
			if (!(error instanceof StorageError)) throw error;
			this.storageMessage = error.message;
			return null;
		}
	}

	async #reload(engine: Engine, saved: Saved[]): Promise<void> {
		const mappings: Record<string, Mapping> = {};
		for (const entry of saved) if (entry.meta.mapping) mappings[entry.name] = entry.meta.mapping;
		const inputs = saved.map((entry) => ({ name: entry.name, data: entry.file }));
		await this.#replaceAll(engine, inputs, mappings, 'files', (i) => saved[i]?.id ?? null);
	}

	async #replaceAll(
		engine: Engine,
		inputs: { name: string; data: Blob | Uint8Array }[],
		mappings: Record<string, Mapping>,
		kind: 'demo' | 'files',
		savedId: (index: number) => string | null
	): Promise<void> {
		await this.#clear(engine);
		this.#startLoading(
			inputs.map((i) => i.name),
			sum(inputs.map((i) => size(i.data)))
		);
		try {
			const result = await ingestFiles(engine, inputs, { mappings, onProgress: this.#progressed });
			this.files = result.files.map((report, i) => ({
				savedId: savedId(i),
				name: report.file,
				size: size(inputs[i]?.data),
				report
			}));
			this.metrics = result.metrics;
			this.kind = kind;
			this.version++;
		} finally {
			this.loading = null;
		}
	}

	#startLoading(names: string[], bytes: number): void {
		this.loading = { names, bytes, progress: null };
	}

	#progressed = (progress: IngestProgress): void => {
		if (this.loading) this.loading = { ...this.loading, progress };
	};

	async #clear(engine: Engine): Promise<void> {
		await engine.query(`DROP TABLE IF EXISTS ${OBSERVATIONS}`);
		this.files = [];
		this.metrics = [];
		this.kind = 'empty';
	}
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const size = (data: Blob | Uint8Array | undefined) =>
	data === undefined ? 0 : data instanceof Uint8Array ? data.byteLength : data.size;

export const dataset = new Dataset();
