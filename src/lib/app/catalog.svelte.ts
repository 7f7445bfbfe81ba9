/**
 * The catalog of the dataset under review: the demo's own, the one the user imported or edited,
 * or one guessed from the loaded metrics. Edits are kept in browser storage with the dataset, so
 * a reload reviews the same catalog.
 */
import { demoCatalog } from '../demo/demo-catalog';
import { parseCatalog } from '../metrics/catalog';
import { catalogFromMetrics, catalogToYaml } from '../metrics/catalogFile';
import { loadReviewConfig } from '../metrics/config';
import type { Catalog, MetricDefinition } from '../metrics/types';
import { readDocument, saveDocument } from '../store/saved-files';

export type CatalogOrigin = 'demo' | 'saved' | 'guessed';

export class CatalogState {
	catalog = $state.raw<Catalog | null>(null);
	origin = $state<CatalogOrigin | null>(null);
	/** A problem with browser storage, for the user. */
	storageMessage = $state<string | null>(null);
	/** Edits not yet written to browser storage. */
	saving = $state(0);
	#saves: Promise<void> = Promise.resolve();
	#key = 'catalog-files.yaml';

	/**
	 * The catalog for what is loaded: `kind` says whether that is the demo; `metricNames` are the
	 * metrics in the data, so metrics the saved catalog does not know yet are added as guesses.
	 */
	async load(kind: 'demo' | 'files', metricNames: string[]): Promise<Catalog> {
		this.#key = kind === 'demo' ? 'catalog-demo.yaml' : 'catalog-files.yaml';
		let saved: string | null = null;
		try {
			saved = await readDocument(this.#key);
		} catch (error) {
			this.storageMessage = error instanceof Error ? error.message : String(error);
		}
		let catalog: Catalog;
		if (saved) {
			catalog = withNewMetrics(parseCatalog(saved, this.#key), metricNames);
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
	async update(id: string, change: Partial<MetricDefinition>): Promise<void> {
		if (!this.catalog) return;
		const guessed = { ...this.catalog.guessed };
		const confirmed = Object.keys(change) as (keyof MetricDefinition)[];
		if (guessed[id]) guessed[id] = guessed[id].filter((field) => !confirmed.includes(field));
		await this.#keep({
			...this.catalog,
			guessed,
			metrics: this.catalog.metrics.map((m) => (m.id === id ? { ...m, ...change } : m))
		});
	}

	/** Reads a Flywheel catalog or a WBR App configuration; throws with the file's line and field. */
	async import(text: string, fileName: string): Promise<void> {
		const { catalog } = loadReviewConfig(text, fileName);
		await this.#keep(catalog);
	}

	exportYaml(): string {
		return this.catalog ? catalogToYaml(this.catalog) : '';
	}

	/**
	 * Saves run one after another: two quick edits would otherwise write concurrently, and the
	 * older catalog could land last and undo the newer edit.
	 */
	async #keep(catalog: Catalog): Promise<void> {
		this.catalog = catalog;
		this.origin = 'saved';
		this.saving++;
		const key = this.#key;
		this.#saves = this.#saves.then(async () => {
			try {
				await saveDocument(key, catalogToYaml(catalog));
				this.storageMessage = null;
			} catch (error) {
				this.storageMessage = error instanceof Error ? error.message : String(error);
			} finally {
				this.saving--;
			}
		});
		await this.#saves;
	}
}

/** Metrics in the data that the catalog does not describe yet join it as guesses. */
function withNewMetrics(catalog: Catalog, metricNames: string[]): Catalog {
	const described = new Set(
		catalog.metrics.flatMap((m) => [
			m.id,
			...(m.source ? [m.source.metric] : []),
			...(m.plan && 'source' in m.plan ? [m.plan.source.metric] : [])
		])
	);
	const fresh = metricNames.filter((name) => !described.has(name));
	if (fresh.length === 0) return catalog;
	const guesses = catalogFromMetrics(fresh, catalog.review);
	return {
		...catalog,
		metrics: [...catalog.metrics, ...guesses.metrics],
		guessed: { ...catalog.guessed, ...guesses.guessed }
	};
}

export const catalogState = new CatalogState();
