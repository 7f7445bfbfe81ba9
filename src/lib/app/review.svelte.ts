/**
 * The review on screen: which view, week and segment filters (read from the address, see
 * review-url.ts) and the review built for them. Navigation goes through the address, so a link
 * reopens the same review and the browser's back button returns to the previous one.
 *
 * Reviews are built one at a time (one DuckDB connection) and kept by address, so going back to a
 * week is redrawn from memory. A request the user has already moved past is dropped before it
 * starts, and its result is ignored if it was under way.
 *
 * The review cache (../review/reviewCache.ts) keeps the data's source store for the filters on
 * screen, built by the first review of a filter for every metric either view shows: a review of
 * any other week or view is then composed from it, a few small look-ups.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { holdCharts } from '../charts/mount';
import type { Engine } from '../engine/types';
import type { EvidenceWithHistory } from '../evidence/reviewEvidence';
import { deckFromCatalog } from '../metrics/deck';
import type { Catalog } from '../metrics/types';
import { buildReview } from '../review/buildReview';
import { defaultWeekEnding } from '../review/defaultWeek';
import { ReviewCache } from '../review/reviewCache';
import { deckMetricIds, planReviewMetrics } from '../review/reviewMetrics';
import { storeContents } from '../review/sources';
import type { Review } from '../review/types';
import { catalogWithData } from './catalog-data';
import { addressProblem } from './review-address';
import { catalogState } from './catalog.svelte';
import { dataset } from './dataset.svelte';
import { evidenceOf } from './evidence';
import { reviewWeeks, segmentChoices, type Segment, type SegmentChoices } from './review-data';
import {
	addressKey,
	addressQuery,
	REVIEW_PATHS,
	type ReviewAddress,
	type SegmentFilters
} from './review-url';
import { filterCatalog, unsplitMetrics } from './segment-catalog';
import { session } from './session.svelte';

/** Enough for a few weeks of both views; a review of 100 metrics is a few hundred KB. */
const KEPT_REVIEWS = 16;

interface DataChoices extends SegmentChoices {
	version: number;
	/** The catalog as kept (catalogState's), and the part of it the data can answer. */
	saved: Catalog;
	catalog: Catalog;
	/** Catalog metrics left out of the review because the loaded data has none of their values. */
	withoutData: string[];
	/** Newest first; the first is the last complete week. */
	weeks: string[];
	/** Every week's numbers of this data and catalog; computes every metric shown in either view. */
	cache: ReviewCache;
}

export class ReviewState {
	/** The review on screen, and the address it answers. */
	review = $state.raw<Review | null>(null);
	shown = $state.raw<ReviewAddress | null>(null);
	/** The address being built, while it is. */
	pending = $state.raw<ReviewAddress | null>(null);
	error = $state<string | null>(null);
	/** The address asks for a week or segment the data does not have: said instead of a review. */
	addressProblem = $state<string | null>(null);
	/** The catalog the review was built from (before segment filters), for owners and units. */
	catalog = $state.raw<Catalog | null>(null);
	weeks = $state.raw<string[]>([]);
	segments = $state.raw<Segment[]>([]);
	/** Metrics the current filter leaves whole, because the data does not split them that way. */
	unfiltered = $state.raw<string[]>([]);
	/** Catalog metrics (labels) left out because their data is gone (a removed file). */
	withoutData = $state.raw<string[]>([]);
	/** Milliseconds from asking for the review on screen to having it. */
	lastBuildMs = $state<number | null>(null);

	#ready: Promise<Engine> | null = null;
	#choices: Promise<DataChoices> | null = null;
	#catalogVersion = -1;
	// A cache and a to-do list, not state the page reads: plain collections on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#reviews = new Map<string, Promise<Review>>();
	#queue: Promise<unknown> = Promise.resolve();
	#latest = 0;
	/** The reviews someone still waits for; a queued build no longer wanted is skipped. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#wanted = new Set<string>();

	/** Shows the review at `address`: from memory when it was built before, else builds it. */
	async show(address: ReviewAddress): Promise<void> {
		const request = ++this.#latest;
		const began = performance.now();
		this.pending = address;
		holdCharts(true);
		this.error = null;
		this.addressProblem = null;
		try {
			const engine = await this.#engine();
			const choices = await this.#dataChoices(engine);
			if (request !== this.#latest) return;
			this.catalog = choices.catalog;
			this.weeks = choices.weeks;
			this.segments = choices.segments;
			this.withoutData = choices.withoutData.map(
				(id) => choices.saved.metrics.find((m) => m.id === id)?.label ?? id
			);
			this.#wanted.clear();
			const problem = addressProblem(address, choices.weeks, choices.segments);
			if (problem) {
				this.addressProblem = problem;
				this.pending = null;
				return;
			}
			const review = await this.#review(engine, choices, address);
			if (request !== this.#latest || !review) return;
			this.review = review;
			this.shown = address;
			this.unfiltered = unsplitMetrics(choices.catalog, address.filters, choices.splits);
			this.lastBuildMs = performance.now() - began;
			this.pending = null;
		} catch (error) {
			if (request !== this.#latest) return;
			this.error = error instanceof Error ? error.message : String(error);
			this.pending = null;
		} finally {
			if (request === this.#latest) holdCharts(false);
		}
	}

	/**
	 * The evidence for the catalog's links at `address` (./evidence.ts), from this data's review
	 * cache: the weekly history is composed from the store the reviews already read, no new scan.
	 * Ask it after the review is drawn; it never delays one.
	 */
	async evidence(address: ReviewAddress): Promise<EvidenceWithHistory> {
		const engine = await this.#engine();
		const choices = await this.#dataChoices(engine);
		const weekEnding = address.weekEnding ?? choices.weeks[0];
		if (!weekEnding) throw new Error('the data has no complete week to judge the links on');
		const reviewed = filterCatalog(choices.catalog, address.filters, choices.splits);
		return evidenceOf(
			engine,
			choices.catalog,
			reviewed,
			weekEnding,
			address.filters,
			choices.cache
		);
	}

	/** Goes to another week, filter or view; a new history entry, so back returns here. */
	async navigate(change: Partial<ReviewAddress>): Promise<void> {
		const current = this.pending ?? this.shown;
		if (!current) return;
		const next = { ...current, ...change };
		// The last complete week is the default, so its address stays short.
		const weekEnding = next.weekEnding === this.weeks[0] ? null : next.weekEnding;
		// The path is resolved; the query is the review's address (review-url.ts).
		await goto(resolve(REVIEW_PATHS[next.view]) + addressQuery({ ...next, weekEnding }), {
			keepFocus: true,
			noScroll: true
		});
	}

	filterBy(dimension: string, value: string | null): Promise<void> {
		const current = this.pending ?? this.shown;
		const filters: Record<string, string> = { ...current?.filters };
		if (value) filters[dimension] = value;
		else delete filters[dimension];
		return this.navigate({ filters });
	}

	/** The engine with the data loaded; asked once, as two requests at start-up would load twice. */
	#engine(): Promise<Engine> {
		this.#ready ??= session.engine().then(async (engine) => {
			if (dataset.kind === 'empty' && !dataset.loading) await dataset.restore(engine);
			return engine;
		});
		this.#ready.catch(() => (this.#ready = null));
		return this.#ready;
	}

	/**
	 * The catalog, weeks and segments of the loaded data: asked again when the data changes, or
	 * when the catalog was edited (the catalog page), which also forgets the reviews built so far.
	 */
	async #dataChoices(engine: Engine): Promise<DataChoices> {
		const asked = this.#choices;
		if (asked) {
			const choices = await asked.catch(() => null);
			const current =
				choices?.version === dataset.version && choices.saved === catalogState.catalog;
			if (choices && current) return choices;
			if (this.#choices !== asked) return this.#dataChoices(engine);
			this.#reviews.clear();
			// After the builds already queued, which may still read them.
			// After the builds already queued, which may still read its table.
			if (choices) this.#queue = this.#queue.then(() => choices.cache.drop().catch(() => {}));
		}
		const answer = this.#askChoices(engine, dataset.version);
		this.#choices = answer;
		return answer;
	}

	async #askChoices(engine: Engine, version: number): Promise<DataChoices> {
		// The catalog page may have edited this data's catalog; new data needs its own catalog.
		const saved =
			version === this.#catalogVersion && catalogState.catalog
				? catalogState.catalog
				: await catalogState.load(
						dataset.kind === 'demo' ? 'demo' : 'files',
						dataset.metrics.map((m) => m.id)
					);
		this.#catalogVersion = version;
		const { catalog, withoutData } = catalogWithData(saved, await storeContents(engine));
		const shown = deckMetricIds(deckFromCatalog(catalog));
		const plan = planReviewMetrics(catalog, shown);
		// The cache's first store is built here, for every metric either view shows.
		const cache = new ReviewCache(shown);
		const latest = await defaultWeekEnding(engine, catalog, plan, { cache });
		const weeks = await reviewWeeks(engine, catalog.review.weekEndingWeekday, latest);
		const segments = await segmentChoices(engine);
		return { version, saved, catalog, withoutData, weeks, cache, ...segments };
	}

	/**
	 * The review at an address, built in turn unless nobody wants it any more by then.
	 */
	#review(engine: Engine, choices: DataChoices, address: ReviewAddress): Promise<Review | null> {
		const weekEnding = address.weekEnding ?? choices.weeks[0] ?? null;
		const key = addressKey({ ...address, weekEnding }, choices.version);
		this.#wanted.add(key);
		const kept = this.#reviews.get(key);
		if (kept) {
			// Most recently used last, so the bound below forgets the review looked at longest ago.
			this.#reviews.delete(key);
			this.#reviews.set(key, kept);
			return kept;
		}
		const build = async () => {
			if (!this.#wanted.has(key)) return null;
			const catalog = filterCatalog(choices.catalog, address.filters, choices.splits);
			const deck = deckFromCatalog(catalog, { view: address.view });
			const { cache } = choices;
			return buildReview(
				engine,
				{ catalog, deck },
				{ cache, ...(weekEnding ? { weekEnding } : {}) }
			);
		};
		const result = this.#queue.then(build, build);
		this.#queue = result.catch(() => undefined);
		const review = result.then((r) => {
			// A dropped request leaves no entry, so asking again builds it.
			if (r === null) this.#reviews.delete(key);
			return r;
		});
		this.#reviews.set(key, review as Promise<Review>);
		review.catch(() => this.#reviews.delete(key));
		while (this.#reviews.size > KEPT_REVIEWS) {
			const oldest = this.#reviews.keys().next().value;
			if (oldest === undefined) break;
			this.#reviews.delete(oldest);
		}
		return review;
	}

	/** The filters in effect, for the toolbar's controls. */
	get filters(): SegmentFilters {
		return (this.pending ?? this.shown)?.filters ?? {};
	}
}

export const reviewState = new ReviewState();
