/**
 * How a cell's text becomes a number, written once and used twice: in JavaScript on the sample
 * (to tell metric columns from segment columns) and as DuckDB SQL for the bulk load. The rules
 * are listed in README.md; the tests check that both sides agree.
 */
import { literal } from '../engine/sql';

/** Cell texts that mean "no data" (compared trimmed and lower-cased): stored as null, never 0. */
export const NULL_SPELLINGS = ['', 'na', 'n/a', '#n/a', 'null', 'none', 'nan', '-', '.', '--'];

/** Percent strings are fractions: `56.00%` is stored as 0.56, in every file (`5‰` as 0.005). */
export const PERCENT_DIVISOR = 100;
export const PER_MILLE_DIVISOR = 1000;

// Currency signs and codes, and the spaces and apostrophes some locales group thousands with.
const DECORATION_SOURCE = "[$€£¥₹\\s\\x{00A0}\\x{202F}']|^(?:USD|EUR|GBP)|(?:USD|EUR|GBP)$";
const DECORATION_JS = /[$€£¥₹\s\u00a0\u202f']|^(?:USD|EUR|GBP)|(?:USD|EUR|GBP)$/g;

// Groups of three (1,234,567) or Indian lakh grouping (12,34,567).
const POINT_GROUPED = '^[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]{1,2}(,[0-9]{2})+,[0-9]{3})(\\.[0-9]*)?$';
const COMMA_GROUPED = '^[+-]?[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]*)?$';
const COMMA_DECIMAL = '^[+-]?[0-9]*,[0-9]+([eE][+-]?[0-9]+)?$';
const PLAIN_NUMBER = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/;

export function isNullSpelling(text: string | null | undefined): boolean {
	return text === null || text === undefined || NULL_SPELLINGS.includes(text.trim().toLowerCase());
}

/** The number a cell holds, null for no data, or undefined when it is not a number. */
export function parseNumber(
	text: string | null,
	decimalMark: '.' | ','
): number | null | undefined {
	if (isNullSpelling(text)) return null;
	let t = (text as string).trim();
	let sign = 1;
	if (t.startsWith('(') && t.endsWith(')')) {
		// Accounting exports write negatives in parentheses: (1,234) is -1234.
		sign = -1;
		t = t.slice(1, -1);
	}
	t = t.replace(DECORATION_JS, '');
	let divisor = 1;
	if (t.endsWith('%')) {
		divisor = PERCENT_DIVISOR;
		t = t.slice(0, -1);
	} else if (t.endsWith('‰')) {
		divisor = PER_MILLE_DIVISOR;
		t = t.slice(0, -1);
	}
	if (decimalMark === '.') {
		if (new RegExp(POINT_GROUPED).test(t)) t = t.replaceAll(',', '');
	} else if (new RegExp(COMMA_GROUPED).test(t)) {
		t = t.replaceAll('.', '').replace(',', '.');
	} else if (new RegExp(COMMA_DECIMAL).test(t)) {
		t = t.replace(',', '.');
	}
	if (!PLAIN_NUMBER.test(t)) return undefined;
	const value = (sign * Number(t)) / divisor;
	return Number.isFinite(value) ? value : undefined;
}

const NULL_LIST = NULL_SPELLINGS.map(literal).join(', ');

/**
 * SQL macros for the load. `flywheel_number(x, decimal_comma)` mirrors `parseNumber`: null for no
 * data and for text that is not a number; `flywheel_no_data(x)` tells the two apart.
 */
export const NUMBER_MACROS_SQL = [
	// The length guard skips the string work for the long texts no spelling can match. A list,
	// not `IN (...)`: DuckDB plans a long IN list as a join that runs on every row, even where an
	// earlier OR branch already decided.
	`CREATE OR REPLACE TEMP MACRO flywheel_no_data(x) AS x IS NULL OR x = '' OR (length(x) <= 16 AND list_contains([${NULL_LIST}], lower(trim(x, ' \t\r\n' || chr(160)))))`,
	// Step 1: trim, accounting parentheses, currency and grouping spaces.
	`CREATE OR REPLACE TEMP MACRO flywheel_number_text(x) AS regexp_replace(regexp_replace(trim(x, ' \t\r\n' || chr(160)), '^\\((.*)\\)$', '-\\1'), ${literal(DECORATION_SOURCE)}, '', 'g')`,
	// Step 2: the percent sign, then thousands and decimal marks, then the cast.
	`CREATE OR REPLACE TEMP MACRO flywheel_unpercent(t) AS CASE WHEN t LIKE '%\\%' ESCAPE '\\' OR t LIKE '%‰' THEN left(t, -1) ELSE t END`,
	`CREATE OR REPLACE TEMP MACRO flywheel_marks(t, decimal_comma) AS CASE
		WHEN NOT decimal_comma THEN CASE WHEN regexp_matches(t, ${literal(POINT_GROUPED)}) THEN replace(t, ',', '') ELSE t END
		WHEN regexp_matches(t, ${literal(COMMA_GROUPED)}) THEN replace(replace(t, '.', ''), ',', '.')
		WHEN regexp_matches(t, ${literal(COMMA_DECIMAL)}) THEN replace(t, ',', '.')
		ELSE t END`,
	`CREATE OR REPLACE TEMP MACRO flywheel_finite(v) AS CASE WHEN isfinite(v) THEN v END`,
	`CREATE OR REPLACE TEMP MACRO flywheel_parse_text(t, decimal_comma) AS flywheel_finite(
		TRY_CAST(flywheel_marks(flywheel_unpercent(t), decimal_comma) AS DOUBLE)
		/ CASE WHEN t LIKE '%\\%' ESCAPE '\\' THEN ${PERCENT_DIVISOR} WHEN t LIKE '%‰' THEN ${PER_MILLE_DIVISOR} ELSE 1 END)`,
	// The plain cast first: most cells are plain numbers and skip the regular expressions.
	`CREATE OR REPLACE TEMP MACRO flywheel_number(x, decimal_comma) AS CASE
		WHEN decimal_comma THEN CASE WHEN NOT flywheel_no_data(x) THEN flywheel_parse_text(flywheel_number_text(x), true) END
		ELSE coalesce(flywheel_finite(TRY_CAST(x AS DOUBLE)),
			CASE WHEN NOT flywheel_no_data(x) THEN flywheel_parse_text(flywheel_number_text(x), false) END) END`
];
