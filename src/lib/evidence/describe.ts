/**
 * Each verdict in plain words, for the command line, the deep dive and the review's strategic
 * view: what was compared, over how many weeks, and what "clear" means.
 */
import { LINK_FALSE_POSITIVE_RATE, MIN_WEEKS } from './evidence';
import { MAX_LAG } from './crossCorrelation';
import type { EvidenceLink, SuggestedLink } from './types';

/** 0 → "the same week", 1 → "1 week later", n → "n weeks later". */
export function lagInWords(lagWeeks: number): string {
	return lagWeeks === 0 ? 'the same week' : `${lagWeeks} week${lagWeeks === 1 ? '' : 's'} later`;
}

const correlationText = (r: number) => `correlation ${r.toFixed(2)}`;

/**
 * One link's verdict as a sentence; `label` names a metric (default: its id). E.g. "Free
 * shipping share moves Margin the wrong way, 1 week later (correlation -0.41, 150 weeks of data)".
 */
export function describeLink(
	link: EvidenceLink,
	label: (id: string) => string = (id) => id
): string {
	const [input, output] = [label(link.input), label(link.output)];
	const lag = link.lagWeeks ?? 0;
	const detail = `(${correlationText(link.correlation ?? 0)}, ${link.weeks} weeks of data)`;
	switch (link.verdict) {
		case 'supported':
			return `${input} moves ${output} the expected way, ${lagInWords(lag)} ${detail}`;
		case 'opposite':
			return `${input} moves ${output} the wrong way, ${lagInWords(lag)} ${detail}`;
		case 'not_supported':
			return `No clear sign that ${input} moves ${output}: the strongest relation, ${lagInWords(lag)}, is one chance often gives ${detail}`;
		case 'too_little_data':
			return `Too little data to tell whether ${input} moves ${output}: ${link.weeks} weeks with both, ${MIN_WEEKS} needed`;
	}
}

/** A suggestion as a sentence, marked as a hypothesis. */
export function describeSuggestion(
	link: SuggestedLink,
	label: (id: string) => string = (id) => id
): string {
	const way = link.correlation >= 0 ? 'the same way' : 'the other way';
	return `${label(link.output)} moves ${way} as ${label(link.input)}, ${lagInWords(link.lagWeeks)} (${correlationText(link.correlation)}, ${link.weeks} weeks of data): a hypothesis to check, not a fact`;
}

/** What every verdict compared and what "clear" means, once, for a hover or a footnote. */
export const METHOD_IN_WORDS =
	`Compared: the week-to-week changes of the input and the output, with their trend and yearly ` +
	`season removed and the input's own momentum filtered out of both, at lags of 0 to ${MAX_LAG} ` +
	`weeks (the input first). Clear means a correlation that unrelated metrics reach less than ` +
	`${LINK_FALSE_POSITIVE_RATE * 100}% of the time over all ${MAX_LAG + 1} lags; ` +
	`${MIN_WEEKS} weeks with both metrics are needed.`;
