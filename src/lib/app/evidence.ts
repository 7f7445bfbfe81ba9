/**
 * The evidence for the links of the catalog on screen (../evidence), computed on demand (the deep
 * dive asks after its charts, never before the first review) and kept per loaded catalog, week
 * and segment filter, so going from one metric's deep dive to another computes it once.
 */
import type { Engine } from '../engine/types';
import { reviewEvidence, type EvidenceWithHistory } from '../evidence/reviewEvidence';
import type { Evidence } from '../evidence/types';
import type { Catalog } from '../metrics/types';
import { segmentChoices } from './review-data';
import { filterCatalog } from './segment-catalog';
import { session } from './session.svelte';

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
	filters: Record<string, string>
): Promise<EvidenceWithHistory> {
	let byAddress = kept.get(catalog);
	if (!byAddress) kept.set(catalog, (byAddress = new Map()));
	const key = JSON.stringify([weekEnding, Object.entries(filters).sort()]);
	let evidence = byAddress.get(key);
	if (!evidence) {
		evidence = reviewEvidence(engine, reviewed, { weekEnding });
		byAddress.set(key, evidence);
		evidence.catch(() => byAddress.delete(key));
		for (const oldest of byAddress.keys()) {
			if (byAddress.size <= KEPT) break;
			byAddress.delete(oldest);
		}
	}
	return evidence;
}

/** The evidence at a review's week and segment filters, for the loaded catalog. */
export async function evidenceAt(
	catalog: Catalog,
	weekEnding: string,
	filters: Record<string, string>
): Promise<Evidence> {
	const engine = await session.engine();
	const choices = await segmentChoices(engine);
	const reviewed = filterCatalog(catalog, filters, choices.splits);
	return (await evidenceOf(engine, catalog, reviewed, weekEnding, filters)).evidence;
}
