/**
 * The declared links a strategic review names (README.md, "In the review"): an input that moves
 * its output the wrong way, and one the data has not backed over a year of weeks. The inputs a
 * team manages should earn their place; these are the ones whose place is in question.
 */
import { MAX_LAG } from './crossCorrelation';
import { lagInWords } from './describe';
import type { EvidenceLink } from './types';

/**
 * Weeks with both metrics from which a `not_supported` link is named: a year. With fewer (26 to
 * 51), a real but modest link is often not clear yet, so the silence says little.
 */
export const LONG_NOT_SUPPORTED_WEEKS = 52;

/** Every `opposite` link, then every long `not_supported` one, each group in the catalog's order. */
export function doubtedLinks(links: readonly EvidenceLink[]): EvidenceLink[] {
	return [
		...links.filter((l) => l.verdict === 'opposite'),
		...links.filter((l) => l.verdict === 'not_supported' && l.weeks >= LONG_NOT_SUPPORTED_WEEKS)
	];
}

/**
 * What the review says after the input's name: "moves Margin the wrong way, 1 week later, 150
 * weeks of data", or "no clear sign it moves Orders at any lag of 0 to 8 weeks, 156 weeks of data".
 */
export function doubtInWords(link: EvidenceLink, label: (id: string) => string): string {
	const data = `${link.weeks} weeks of data`;
	return link.verdict === 'opposite'
		? `moves ${label(link.output)} the wrong way, ${lagInWords(link.lagWeeks ?? 0)}, ${data}`
		: `no clear sign it moves ${label(link.output)} at any lag of 0 to ${MAX_LAG} weeks, ${data}`;
}
