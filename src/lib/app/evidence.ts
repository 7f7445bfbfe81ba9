/**
 * The evidence for the links of the catalog on screen (../evidence), computed on demand (the deep
 * dive asks after its charts, the strategic review and the catalog page after they are drawn,
 * never before the first review) and kept per loaded catalog, week and segment filter, so going
 * from one metric's deep dive to another computes it once.
 */
import type { Engine } from '../engine/types';
import { reviewEvidence, type EvidenceWithHistory } from '../evidence/reviewEvidence';
import type { Catalog } from '../metrics/types';
import type { ReviewCache } from '../review/reviewCache';

/** Weeks and filters kept per catalog. */
const KEPT = 4;
const kept = new WeakMap<Catalog, Map<string, Promise<EvidenceWithHistory>>>();

export function evidenceOf(
	engine: Engine,
	/** The loaded catalog (the key: a new data or catalog is a new object). */
	catalog: Catalog,
	/** The same catalog with the review's segment filters applied. */
	reviewed: Catalog,
	weekEnding: string,
	filters: Record<string, string>,
	/** The review's cache (./review.svelte.ts): its store, when it holds the metrics, saves a scan. */
	cache?: ReviewCache
): Promise<EvidenceWithHistory> {
	let byAddress = kept.get(catalog);
	if (!byAddress) kept.set(catalog, (byAddress = new Map()));
	const key = JSON.stringify([weekEnding, Object.entries(filters).sort()]);
	let evidence = byAddress.get(key);
	if (!evidence) {
		evidence = reviewEvidence(engine, reviewed, { weekEnding, cache });
		byAddress.set(key, evidence);
		evidence.catch(() => byAddress.delete(key));
		for (const oldest of byAddress.keys()) {
			if (byAddress.size <= KEPT) break;
			byAddress.delete(oldest);
		}
	}
	return evidence;
}
