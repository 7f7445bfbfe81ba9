/**
 * The catalog of the dataset under review: the demo's own, the one the user imported or edited,
 * or one guessed from the loaded metrics. Edits are kept in browser storage with the dataset, so
 * a reload reviews the same catalog; each save re-reads the stored catalog and applies only its
 * own change (catalog-merge.ts), so two tabs' edits of different entries both stay.
 */
import { demoCatalog } from '../demo/demo-catalog';
import { parseCatalog } from '../metrics/catalog';
import { catalogFromMetrics, catalogToYaml } from '../metrics/catalogFile';
import { loadReviewConfig, type ReviewConfig } from '../metrics/config';
import { MAX_CATALOG_BYTES, tooLargeMessage } from '../metrics/configSource';
import type { Catalog, MetricDefinition } from '../metrics/types';
import { announce, onAnnounced } from '../store/broadcast';
import { readDocument, removeDocument, updateDocument } from '../store/saved-files';
import {
	changeMetric,
	columnsOf,
	deleteMetric,
	mergeImported,
	usersOf,
	withNewMetrics
} from './catalog-merge';

export type CatalogOrigin = 'demo' | 'saved' | 'guessed';

type Kind = 'demo' | 'files';

/** The stored catalog of the demo and of the user's files, and the metrics deleted from each. */
const DOCUMENTS: Record<Kind, { catalog: string; deleted: string }> = {
	demo: { catalog: 'catalog-demo.yaml', deleted: 'catalog-demo.deleted.json' },
	files: { catalog: 'catalog-files.yaml', deleted: 'catalog-files.deleted.json' }
};

export class CatalogState {
	catalog = $state.raw<Catalog | null>(null);
	origin = $state<CatalogOrigin | null>(null);
	/** A problem with browser storage, for the user. */
	storageMessage = $state<string | null>(null);
	/** Edits not yet written to browser storage. */
	saving = $state(0);
	/** Bumped when another tab changed the catalog and this one read it again. */
	version = $state(0);
	#saves: Promise<void> = Promise.resolve();
	#kind: Kind = 'files';
	#metricNames: string[] = [];
	/** Data columns of deleted metrics: not guessed again while the data has them. */
	#deleted: string[] = [];

	constructor() {
		onAnnounced('catalog', () => {
			if (!this.catalog) return;
			void this.load(this.#kind, this.#metricNames)
				.then(() => this.version++)
				.catch(() => {});
		});
	}

	/**
	 * The catalog for what is loaded: `kind` says whether that is the demo; `metricNames` are the
	 * metrics in the data, so metrics the saved catalog does not know yet are added as guesses.
	 * A stored catalog that cannot be read throws (the review offers to start it again).
	 */
	async load(kind: Kind, metricNames: string[]): Promise<Catalog> {
		this.#kind = kind;
		this.#metricNames = metricNames;
		let saved: string | null = null;
		let deleted: string | null = null;
		try {
			saved = await readDocument(DOCUMENTS[kind].catalog);
			deleted = await readDocument(DOCUMENTS[kind].deleted);
		} catch (error) {
			this.storageMessage = error instanceof Error ? error.message : String(error);
		}
		this.#deleted = parseDeleted(deleted);
		let catalog: Catalog;
		if (saved) {
			catalog = this.#fromDocument(saved);
			this.origin = 'saved';
		} else if (kind === 'demo') {
			catalog = demoCatalog();
			this.origin = 'demo';
		} else {
			catalog = catalogFromMetrics(metricNames);
			this.origin = 'guessed';
		}
		this.catalog = catalog;
		return catalog;
	}

	/** Changes one metric's description and keeps the catalog. */
	update(id: string, change: Partial<MetricDefinition>): Promise<void> {
		return this.#keep((catalog) => changeMetric(catalog, id, change));
	}

	/** Deletes one metric from the catalog; throws, naming them, when other metrics use it. */
	async delete(id: string): Promise<void> {
		const metric = this.catalog?.metrics.find((m) => m.id === id);
		if (!this.catalog || !metric) return;
		const users = usersOf(this.catalog, id);
		if (users.length > 0) {
			throw new Error(
				`${metric.label} is used by ${users.join(', ')}: change or delete those first.`
			);
		}
		const columns = [id, ...columnsOf(metric)];
		this.#deleted = union(this.#deleted, columns);
		await updateDocument(DOCUMENTS[this.#kind].deleted, (stored) =>
			JSON.stringify(union(parseDeleted(stored), columns))
		);
		await this.#keep((catalog) => deleteMetric(catalog, id));
	}

	/**
	 * Reads a Flywheel catalog or a WBR App configuration; throws with the file's line and field.
	 * A catalog file changes the metrics it names; a WBR App configuration is a whole review and
	 * replaces the catalog.
	 */
	async import(text: string, fileName: string): Promise<void> {
		return this.#imported(loadReviewConfig(text, fileName), text);
	}

	/** `import` of a chosen file: too large is said at once, and it is read off the main thread. */
	async importFile(file: File): Promise<void> {
		if (file.size > MAX_CATALOG_BYTES)
			throw new Error(`${file.name}: ${tooLargeMessage(file.size)}`);
		const text = await file.text();
		return this.#imported(await readOffThread(text, file.name), text);
	}

	async #imported({ catalog: imported, format }: ReviewConfig, text: string): Promise<void> {
		if (format === 'wbr-app') return this.#keep(() => imported);
		const hasReview = /^\s*["']?review["']?\s*:/m.test(text);
		return this.#keep((catalog) => mergeImported(catalog, imported, hasReview));
	}

	/** Starts the catalog again from the data (or the demo's own); the loaded data stays. */
	async startAgain(kind: Kind, metricNames: string[]): Promise<Catalog> {
		await removeDocument(DOCUMENTS[kind].catalog);
		await removeDocument(DOCUMENTS[kind].deleted);
		const catalog = await this.load(kind, metricNames);
		announce('catalog');
		return catalog;
	}

	exportYaml(): string {
		return this.catalog ? catalogToYaml(this.catalog) : '';
	}

	#fromDocument(text: string): Catalog {
		const parsed = parseCatalog(text, DOCUMENTS[this.#kind].catalog);
		return withNewMetrics(parsed, this.#metricNames, this.#deleted);
	}

	/**
	 * Shows the change at once, then saves it: saves run one after another, and each applies its
	 * change to the catalog as stored right then, so neither an older save of this tab nor a
	 * stale copy of another tab's catalog undoes an edit.
	 */
	async #keep(change: (catalog: Catalog) => Catalog): Promise<void> {
		const base = this.catalog;
		if (!base) return;
		this.catalog = change(base);
		this.origin = 'saved';
		this.saving++;
		const name = DOCUMENTS[this.#kind].catalog;
		this.#saves = this.#saves.then(async () => {
			try {
				let merged: Catalog = base;
				await updateDocument(name, (stored) => {
					merged = change(this.#storedOr(stored, base));
					return catalogToYaml(merged);
				});
				// The last save under way shows what is stored, other tabs' entries included.
				if (this.saving === 1) this.catalog = merged;
				announce('catalog');
				this.storageMessage = null;
			} catch (error) {
				this.storageMessage = error instanceof Error ? error.message : String(error);
			} finally {
				this.saving--;
			}
		});
		await this.#saves;
	}

	/** The stored catalog, or (none yet, or unreadable) the one this tab shows. */
	#storedOr(stored: string | null, fallback: Catalog): Catalog {
		if (!stored) return fallback;
		try {
			return this.#fromDocument(stored);
		} catch {
			return fallback;
		}
	}
}

/** `loadReviewConfig` on a worker thread (in place where there are no workers, as in tests). */
function readOffThread(text: string, fileName: string): Promise<ReviewConfig> {
	if (typeof Worker === 'undefined') return Promise.resolve(loadReviewConfig(text, fileName));
	const worker = new Worker(new URL('./catalog-worker.ts', import.meta.url), { type: 'module' });
	return new Promise<ReviewConfig>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<{ config?: ReviewConfig; error?: string }>) => {
			if (event.data.config) resolve(event.data.config);
			else reject(new Error(event.data.error ?? `${fileName} could not be read`));
		};
		worker.onerror = (event) =>
			reject(new Error(`${fileName} could not be read: ${event.message}`));
		worker.postMessage({ text, fileName });
	}).finally(() => worker.terminate());
}

const union = (a: string[], b: string[]) => [...a, ...b.filter((x) => !a.includes(x))];

function parseDeleted(text: string | null): string[] {
	try {
		const list: unknown = JSON.parse(text ?? '[]');
		return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
	} catch {
		return [];
	}
}

export const catalogState = new CatalogState();
