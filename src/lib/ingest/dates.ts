/**
 * Dates: which column holds them, and how its text becomes a DATE in DuckDB. The format list is
 * given to `try_strptime`, which takes the first format that matches; day-first or month-first
 * is decided from the file's own values (a day above 12 settles it) and reported.
 */
import { literal } from '../engine/sql';
import type { DateOrder } from './types';

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const TIME =
	'([ t,]+[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?( ?[ap]m)?( ?(z|utc|gmt|[+-][0-9]{2}(:?[0-9]{2})?))?)?';
const ISO = new RegExp(`^([0-9]{4}([-/.])[0-9]{1,2}\\2[0-9]{1,2}|[0-9]{4}-[0-9]{2})${TIME}$`, 'i');
const NUMERIC = new RegExp(`^([0-9]{1,2})([-/.])([0-9]{1,2})\\2([0-9]{2}|[0-9]{4})${TIME}$`, 'i');
const NAMED = new RegExp(
	`^([a-z]{3,9},? )?(([0-9]{1,2}[- ]${MONTH}[- ,]+[0-9]{2,4})|(${MONTH}[- ][0-9]{1,2},? [0-9]{4})|(${MONTH}[- ,]+[0-9]{2,4})|([0-9]{4}-${MONTH}-[0-9]{1,2}))${TIME}$`,
	'i'
);
const COMPACT = /^(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$/;

/** Header names that say "this is the date", in the customer's exports. */
const DATE_NAMES =
	/^(date|day|week|month|period|time|timestamp|ds|datetime|week[ _]?ending|week[ _]?start|date[ _]?time|report[ _]?date)$/i;

export function isDateName(name: string): boolean {
	return DATE_NAMES.test(name.trim()) || /(^|[ _])date$/i.test(name.trim());
}

/** Whether a cell looks like a date in one of the spellings Flywheel reads. */
export function looksLikeDate(text: string, compactAllowed = false): boolean {
	const t = text.trim();
	if (ISO.test(t) || NAMED.test(t)) return true;
	const m = NUMERIC.exec(t);
	if (m)
		return Number(m[1]) >= 1 && Number(m[3]) >= 1 && (Number(m[1]) <= 12 || Number(m[3]) <= 12);
	return compactAllowed && COMPACT.test(t);
}

/** Evidence for day-first or month-first from numeric dates such as 13/1/2020 or 1/13/2020. */
export interface DateOrderEvidence {
	numeric: number;
	dayFirst: number;
	monthFirst: number;
	separator: string | null;
}

export function dateOrderEvidence(values: string[]): DateOrderEvidence {
	const evidence: DateOrderEvidence = { numeric: 0, dayFirst: 0, monthFirst: 0, separator: null };
	for (const value of values) {
		const m = NUMERIC.exec(value.trim());
		if (!m) continue;
		evidence.numeric++;
		evidence.separator ??= m[2] ?? null;
		if (Number(m[1]) > 12) evidence.dayFirst++;
		if (Number(m[3]) > 12) evidence.monthFirst++;
	}
	return evidence;
}

/**
 * The rule, in one place: the order with more evidence wins; with none, D.M.Y for dotted dates
 * (a European spelling) and M/D/Y otherwise; ISO and month-name files need no decision.
 */
export function decideDateOrder(values: string[], evidence = dateOrderEvidence(values)): DateOrder {
	if (evidence.numeric === 0) {
		const named = values.find((v) => NAMED.test(v.trim()));
		if (named && /^([a-z]{3,9}, ?)?[0-9]{1,2}[- ][a-z]/i.test(named.trim())) return 'DMY';
		return named ? 'MDY' : 'YMD';
	}
	if (evidence.dayFirst > evidence.monthFirst) return 'DMY';
	if (evidence.monthFirst > evidence.dayFirst) return 'MDY';
	return evidence.separator === '.' ? 'DMY' : 'MDY';
}

const TIMES = [
	'',
	' %H:%M:%S',
	' %H:%M',
	' %H:%M:%S.%f',
	'T%H:%M:%S',
	'T%H:%M',
	'T%H:%M:%S.%f',
	' %I:%M %p',
	' %I:%M:%S %p',
	', %I:%M %p',
	', %I:%M:%S %p',
	', %H:%M'
];

function withTimes(dates: string[]): string[] {
	return TIMES.flatMap((time) => dates.map((date) => date + time));
}

function numericFormats(order: DateOrder): string[] {
	const parts = order === 'DMY' ? ['%d', '%m'] : ['%m', '%d'];
	return ['/', '-', '.'].flatMap((sep) =>
		['%Y', '%y'].map((year) => `${parts[0]}${sep}${parts[1]}${sep}${year}`)
	);
}

const NAMED_FORMATS = [
	'%d-%b-%Y',
	'%d-%b-%y',
	'%a, %d-%b-%Y',
	'%a, %d %b %Y',
	'%a %d %b %Y',
	'%d %b %Y',
	'%d %B %Y',
	'%b %d, %Y',
	'%B %d, %Y',
	'%a, %b %d, %Y',
	'%A, %B %d, %Y',
	'%b %d %Y',
	'%a %b %d %Y',
	'%Y-%b-%d',
	'%b %Y',
	'%B %Y',
	'%b-%Y',
	'%b-%y'
];

/** Every format tried for a file whose numeric dates are in `order`, most common first. */
export function dateFormats(order: DateOrder, compactAllowed: boolean): string[] {
	const iso = ['%Y-%m-%d', '%Y/%m/%d', '%Y.%m.%d'];
	return [
		...withTimes(iso),
		...(order === 'YMD' ? [] : withTimes(numericFormats(order))),
		...withTimes(NAMED_FORMATS),
		'%Y-%m',
		...(compactAllowed ? ['%Y%m%d'] : [])
	];
}

/**
 * The formats in the order to try them: those that read the sample first (most matches first),
 * so a typical row is parsed by the first format tried.
 */
export function rankFormats(formats: string[], matches: Map<string, number>): string[] {
	const hits = formats.filter((f) => (matches.get(f) ?? 0) > 0);
	hits.sort((a, b) => (matches.get(b) ?? 0) - (matches.get(a) ?? 0));
	return [...hits, ...formats.filter((f) => !hits.includes(f))];
}

const FORMAT_PARTS: Record<string, string> = {
	'%Y': '[0-9]{4}',
	'%y': '[0-9]{2}',
	'%m': '[0-9]{1,2}',
	'%d': '[0-9]{1,2}',
	'%H': '[0-9]{1,2}',
	'%I': '[0-9]{1,2}',
	'%M': '[0-9]{2}',
	'%S': '[0-9]{2}',
	'%f': '[0-9]+',
	'%b': '[a-z]{3}',
	'%B': '[a-z]{3,9}',
	'%a': '[a-z]{3}',
	'%A': '[a-z]{6,9}',
	'%p': '[ap]m'
};

/** A regular expression with the shape of a strptime format, to rank formats in JavaScript. */
export function formatShape(format: string): RegExp {
	const source = format
		.split(/(%[a-zA-Z])/)
		.map((part) => FORMAT_PARTS[part] ?? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('');
	return new RegExp(`^${source}$`, 'i');
}

/** How many of the sample texts have the shape of each format. */
export function formatMatches(sample: string[], formats: string[]): Map<string, number> {
	const matches = new Map<string, number>();
	for (const format of formats) {
		const shape = formatShape(format);
		matches.set(format, sample.filter((text) => shape.test(text.trim())).length);
	}
	return matches;
}

/**
 * SQL: the text cast to TIMESTAMP, but only when it starts with a four-digit year. DuckDB's cast
 * reads any `a/b/c` as year/month/day, so "1/1/21" (M/D/YY) would become the year 1.
 */
export function isoCastSql(text: string): string {
	return `CASE WHEN regexp_matches(${text}, '^\\d{4}-\\d{1,2}-\\d{1,2}') THEN TRY_CAST(${text} AS TIMESTAMP) END`;
}

/**
 * SQL for a TIMESTAMP from trimmed date text (null when it is not a date). The cast also reads ISO
 * timestamps with a `Z` or an offset, which strptime without ICU cannot.
 */
export function timestampSql(text: string, formats: string[]): string {
	const list = formats.map(literal).join(', ');
	const [best] = formats;
	// The cast reads ISO cheaply and is exact, so it goes first; then the format that read the
	// sample, alone (fast), then the whole list for rows written another way.
	return `coalesce(${isoCastSql(text)}, ${best ? `try_strptime(${text}, ${literal(best)}), ` : ''}try_strptime(${text}, [${list}]))`;
}

/** SQL: does the date text carry a time of day (then `ts` keeps it)? */
export function hasTimeSql(text: string): string {
	return `contains(${text}, ':')`;
}

/** SQL counting day-first and month-first evidence over a whole column of date text. */
export function dateOrderEvidenceSql(text: string, source: string): string {
	const m = `regexp_extract(trim(${text}), '^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.][0-9]{2,4}', ['a', 'b'])`;
	return `SELECT count(*) FILTER (WHERE TRY_CAST(p.a AS INTEGER) > 12) AS day_first,
		count(*) FILTER (WHERE TRY_CAST(p.b AS INTEGER) > 12) AS month_first
		FROM (SELECT ${m} AS p FROM ${source})`;
}
