/**
 * What reviews of the same data share: the source stores (./sourceStore.ts) their numbers are
 * composed from, so a review of another week or view is a few small look-ups and no new scan.
 *
 * The owner (the app's review state) keeps one cache per loaded data and catalog, and drops it
 * when either changes: the stores hold numbers computed from the data. Without a cache, a review
 * builds a store of its own, straight from the observations. The stores are plain memory; the
 * one DuckDB table is the data's bucket table (when it has segment columns and many rows), every metric's
 * weekly and monthly buckets per segment values, from which the store of the whole company and
 * of any segment filter is regrouped without a scan.
 */
import type { Engine } from '../engine/types';
import type { Weekday } from '../metrics/types';
import type { StoreNeeds } from './reviewMetrics';
import { weekdayNumber } from '../periods/weekEnding';
import { OBSERVATIONS, segmentDimensions } from '../store/observations';
import { createBucketTable } from './bucketTable';
import { SourceStore } from './sourceStore';

/** Stores kept: the data filters asked for last (one store serves both views of a filter). */
const KEPT_STORES = 3;

/**
 * Observations from which a bucket table pays: below, a store's own scan is quick (the demo's
 * 75,000 rows: about 60 ms in the browser, against 260 ms to build the bucket table and regroup).
 */
export const BUCKET_TABLE_ROWS = 500_000;

async function observationCount(engine: Engine): Promise<number> {
	const result = await engine.query(`SELECT CAST(count(*) AS DOUBLE) AS n FROM ${OBSERVATIONS}`);
	return Number(result.columns['n']?.[0] ?? 0);
}

interface Kept {
	engine: Engine;
	weekday: Weekday;
	store: Promise<SourceStore>;
}

export class ReviewCache {
	#stores: Kept[] = [];
	/** The data's bucket table (./bucketTable.ts), per engine and weekday, built on first use. */
	#buckets: { engine: Engine; weekday: Weekday; table: Promise<string | null> }[] = [];

	/**
	 * @param metricIds metrics every store of this cache holds besides a review's own, so that
	 *   reviews of both views (decks) of one catalog read one store.
	 */
	constructor(
		readonly metricIds: readonly string[] = [],
		/** Observations from which the data with segment columns gets a bucket table. */
		readonly bucketTableRows = BUCKET_TABLE_ROWS
	) {}

	readonly #remembered = new Map<string, Promise<unknown>>();

	/** `make()`'s answer, asked once per cache: something of the data every review needs. */
	remember<T>(key: string, make: () => Promise<T>): Promise<T> {
		let answer = this.#remembered.get(key) as Promise<T> | undefined;
		if (!answer) {
			answer = make();
			this.#remembered.set(key, answer);
			// A failed look is not kept: the next review asks again.
			answer.catch(() => this.#remembered.delete(key));
		}
		return answer;
	}

	async #find(engine: Engine, needs: StoreNeeds, weekday: Weekday): Promise<Kept | undefined> {
		for (const kept of [...this.#stores].reverse()) {
			if (kept.engine !== engine || kept.weekday !== weekday) continue;
			const store = await kept.store.catch(() => null);
			if (store?.holds(needs) && this.#stores.includes(kept)) return kept;
		}
		return undefined;
	}

	/** A store holding what `needs` names: a kept one, else one built now (and kept, the oldest forgotten). */
	async store(engine: Engine, needs: StoreNeeds, weekday: Weekday): Promise<SourceStore> {
		let kept = await this.#find(engine, needs, weekday);
		if (kept) {
			// Most recently used last.
			this.#stores = [...this.#stores.filter((k) => k !== kept), kept];
		} else {
			// Data with segment columns: every store, the whole company's too, is regrouped from the
			// bucket table, built by the first. That first scan costs about half as much again as a
			// store's own (4.4M rows: 2.2 s against 1.5 s in the browser), and then any segment
			// filter is a regrouping of buckets (0.1 s) instead of another scan.
			const table = this.#bucketTable(engine, weekday);
			const building: Kept = {
				engine,
				weekday,
				store: table.then((name) => SourceStore.build(engine, needs, weekday, name ?? undefined))
			};
			// A failed build is not kept: the next review asks again.
			building.store.catch(() => (this.#stores = this.#stores.filter((k) => k !== building)));
			this.#stores = [...this.#stores, building].slice(-KEPT_STORES);
			kept = building;
		}
		return kept.store;
	}

	/**
	 * The bucket table; none when the data has no segment columns or is small (a store is one
	 * scan then).
	 */
	#bucketTable(engine: Engine, weekday: Weekday): Promise<string | null> {
		let kept = this.#buckets.find((b) => b.engine === engine && b.weekday === weekday);
		if (!kept) {
			const table = Promise.all([segmentDimensions(engine), observationCount(engine)]).then(
				([dimensions, rows]) =>
					dimensions.length && rows >= this.bucketTableRows
						? createBucketTable(engine, weekdayNumber(weekday))
						: null
			);
			kept = { engine, weekday, table };
			const building = kept;
			building.table.catch(() => (this.#buckets = this.#buckets.filter((b) => b !== building)));
			this.#buckets.push(kept);
		}
		return kept.table;
	}

	/** Forgets every store and drops the bucket tables (call once no review reads them any more). */
	async drop(): Promise<void> {
		this.#stores = [];
		this.#remembered.clear();
		const tables = this.#buckets;
		this.#buckets = [];
		for (const { engine, table } of tables) {
			const name = await table.catch(() => null);
			if (name) await engine.query(`DROP TABLE IF EXISTS ${name}`).catch(() => undefined);
		}
	}
}

/** A store holding `sources`: the cache's, or one built for this call alone. */
export function storeFor(
	engine: Engine,
	needs: StoreNeeds,
	weekday: Weekday,
	cache: ReviewCache | undefined
): Promise<SourceStore> {
	return cache ? cache.store(engine, needs, weekday) : SourceStore.build(engine, needs, weekday);
}
