/**
 * Columns that name rows or things rather than measure them: row numbers and ids, codes, and
 * labels made of other columns. Loaded as metrics they would be summed (the sum of row ids);
 * loaded as segments they would split every metric into one-row pieces. So the detected mapping
 * leaves them out, with a note, and the user can still choose another role.
 */
import type { SampleRecord } from './records';

/** Names of a row's number or id: `id`, `ID`, `Row ID`, `index`, `#`, `order_id`, `customerId`. */
const ROW_ID_NAME =
	/^(id|#|no\.?|row|rows?[ _-]?(id|num|number|no|nr|index)|index|idx|record[ _-]?(id|num|number|no)|line[ _-]?(num|number|no)|serial[ _-]?(num|number|no)?|uuid|guid|unnamed: ?\d+)$/i;
const ENDS_IN_ID = /(^|[ _-])id$/i;
const CAMEL_ID = /[a-z]Id$/;
/** Numbers that are codes, not quantities: postal codes and phone numbers. */
const CODE_NAME =
	/^(zip|zip[ _-]?code|postal[ _-]?code|post[ _-]?code|postcode|phone|phone[ _-]?number|telephone|fax)$/i;

/**
 * A number column named like an id or a code holds labels, not quantities: it follows the rules
 * for text columns (a segment when its values repeat, left out when each row has its own).
 */
export function isLabelName(name: string): boolean {
	return (
		ROW_ID_NAME.test(name) || ENDS_IN_ID.test(name) || CAMEL_ID.test(name) || CODE_NAME.test(name)
	);
}

/** Fewer rows than this say too little about a column to leave it out. */
export const MIN_IDENTIFIER_ROWS = 10;

/**
 * A row counter without a telling name (an empty header, as pandas and R write their row index):
 * whole numbers, each one more than the row before.
 */
export function isRowCounter(values: string[], rows: number): boolean {
	if (values.length < MIN_IDENTIFIER_ROWS || values.length !== rows) return false;
	const numbers = values.map((v) => (/^\s*[0-9]+\s*$/.test(v) ? Number(v) : NaN));
	return numbers.every((n, i) => i === 0 || n === (numbers[i - 1] as number) + 1);
}

/**
 * Each row has a value of its own: an identifier, not a segment. Only said of a sample that
 * spans several days (a segment's values come back day after day; one day's snapshot of stores
 * may well list each store once).
 */
export function isOneValuePerRow(values: string[], rows: number, days: number): boolean {
	if (rows < MIN_IDENTIFIER_ROWS || values.length !== rows || days < 2) return false;
	return new Set(values).size === rows;
}

/** Separators seen between the parts of a label made of two columns. */
const JOINERS = ['', ' ', '_', '-', ' - ', '|', '/', ':', ', '];

/**
 * The two other columns a text column is made of, in every sampled row (`channel_month` =
 * `channel` + `month`), or null. Such a label adds nothing its parts do not say.
 */
export function joinedFrom(
	index: number,
	records: SampleRecord[],
	candidates: number[]
): [number, number] | null {
	const filled = records.filter((r) => (r.fields[index] ?? '') !== '');
	const first = filled[0];
	if (filled.length < MIN_IDENTIFIER_ROWS || !first) return null;
	const cell = (r: SampleRecord, i: number) => r.fields[i] ?? '';
	for (const a of candidates) {
		for (const b of candidates) {
			if (a === b || a === index || b === index) continue;
			const joiner = JOINERS.find(
				(j) =>
					cell(first, a) !== '' &&
					cell(first, b) !== '' &&
					cell(first, index) === cell(first, a) + j + cell(first, b)
			);
			if (joiner === undefined) continue;
			if (filled.every((r) => cell(r, index) === cell(r, a) + joiner + cell(r, b))) return [a, b];
		}
	}
	return null;
}
