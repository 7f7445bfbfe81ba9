/**
 * Evidence for the catalog's `drives` links: the JSON block `flywheel evidence --json` prints and
 * the review export carries. See README.md beside this file.
 */

/**
 * `supported`: a clear relation with the sign the catalog's directions imply; `opposite`: a clear
 * relation with the other sign; `not_supported`: none the data can tell from chance;
 * `too_little_data`: fewer than 26 weeks where both metrics have a value.
 */
export type Verdict = 'supported' | 'opposite' | 'not_supported' | 'too_little_data';

/** A declared link (an input's `drives`) and what its history says of it. */
export interface EvidenceLink {
	input: string;
	output: string;
	declared: true;
	verdict: Verdict;
	/** Weeks the output follows the input by at the strongest lag (0-8); null with too little data. */
	lagWeeks: number | null;
	/** The whitened changes' correlation at that lag, -1..1; null with too little data. */
	correlation: number | null;
	/** Weeks where both metrics have a value. */
	weeks: number;
}

/** An undeclared input × output pair the data supports: a hypothesis to check, never a fact. */
export interface SuggestedLink {
	input: string;
	output: string;
	lagWeeks: number;
	correlation: number;
	weeks: number;
}

export interface Evidence {
	/** Weeks in the history the links were judged on (the axis, not every metric's count). */
	weeks: number;
	links: EvidenceLink[];
	/** Strongest first. */
	suggested: SuggestedLink[];
}
