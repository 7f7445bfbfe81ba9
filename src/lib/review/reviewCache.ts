/**
 * What reviews of the same data share: the source stores (./sourceStore.ts) their numbers are
 * composed from, so a review of another week or view is a few small look-ups and no new scan.
 *
 * The owner (the app's review state) keeps one cache per loaded data and catalog, and drops it
 * when either changes: the stores hold numbers computed from the data. Without a cache, a review
 * builds its own store and drops it when done.
 */
import type { Engine } from '../engine/types';
import type { MetricSource, Weekday } from '../metrics/types';
import { SourceStore } from './sourceStore';

/** Stores kept: the data filters asked for last (one store serves both views of a filter). */
const KEPT_STORES = 3;

interface Kept {
	engine: Engine;
	weekday: Weekday;
	store: Promise<SourceStore>;
	/** Reviews reading it now; an evicted store is dropped when the last is done. */
	users: number;
	evicted: boolean;
}

export class ReviewCache {
	#stores: Kept[] = [];
	readonly #remembered = new Map<string, Promise<unknown>>();

	/**
	 * @param metricIds metrics every store of this cache holds besides a review's own, so that
	 *   reviews of both views (decks) of one catalog read one store.
	 */
	constructor(readonly metricIds: readonly string[] = []) {}

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

	async #find(
		engine: Engine,
		sources: MetricSource[],
		weekday: Weekday
	): Promise<Kept | undefined> {
		for (const kept of [...this.#stores].reverse()) {
			if (kept.engine !== engine || kept.weekday !== weekday) continue;
			const store = await kept.store.catch(() => null);
			if (store?.holds(sources) && this.#stores.includes(kept)) return kept;
		}
		return undefined;
	}

	/** Runs `use` with a store holding `sources`, built when no kept store does. */
	async use<T>(
		engine: Engine,
		sources: MetricSource[],
		weekday: Weekday,
		use: (store: SourceStore) => Promise<T>
	): Promise<T> {
		let kept = await this.#find(engine, sources, weekday);
		if (kept) {
			// Most recently used last.
			this.#stores = [...this.#stores.filter((k) => k !== kept), kept];
		} else {
			kept = {
				engine,
				weekday,
				store: SourceStore.build(engine, sources, weekday),
				users: 0,
				evicted: false
			};
			const building = kept;
			building.store.catch(() => (this.#stores = this.#stores.filter((k) => k !== building)));
			this.#stores.push(kept);
			while (this.#stores.length > KEPT_STORES) {
				const oldest = this.#stores.shift();
				if (oldest) void this.#evict(oldest);
			}
		}
		kept.users++;
		try {
			return await use(await kept.store);
		} finally {
			kept.users--;
			if (kept.evicted && kept.users === 0) void dropStore(kept);
		}
	}

	async #evict(kept: Kept): Promise<void> {
		kept.evicted = true;
		if (kept.users === 0) await dropStore(kept);
	}

	/** Forgets every store, dropping each once the reviews reading it are done. */
	async drop(): Promise<void> {
		this.#remembered.clear();
		const all = this.#stores;
		this.#stores = [];
		for (const kept of all) await this.#evict(kept);
	}
}

async function dropStore(kept: Kept): Promise<void> {
	const store = await kept.store.catch(() => null);
	await store?.drop(kept.engine).catch(() => undefined);
}

/** Runs `use` with a store holding `sources`: the cache's, or one built for this call alone. */
export async function withStore<T>(
	engine: Engine,
	sources: MetricSource[],
	weekday: Weekday,
	cache: ReviewCache | undefined,
	use: (store: SourceStore) => Promise<T>
): Promise<T> {
	if (cache) return cache.use(engine, sources, weekday, use);
	const store = await SourceStore.build(engine, sources, weekday);
	try {
		return await use(store);
	} finally {
		await store.drop(engine);
	}
}
