/**
 * The one CSV writer: every CSV Flywheel writes (the rejected rows today) goes through `csvText`.
 *
 * File names, column names, segment values and reasons come from someone else's export, and a
 * spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
 * formula (`=HYPERLINK("http://evil")`). Such a cell is written with a leading apostrophe, which
 * Excel, LibreOffice and Google Sheets read as "this is text" (OWASP's CSV injection advice), while
 * a number, or a text that is only a number such as `-12.5`, is written as it is, so it stays a
 * number. PapaParse's own `escapeFormulae` is not used: its pattern misses a formula followed by a
 * line break (`=1+1\n`), since its `.*$` does not cross lines.
 */
import Papa from 'papaparse';

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The cell as a spreadsheet may open it safely: text that starts like a formula gets a `'`. */
export function neutralizeCell(cell: CsvCell): string | number {
	if (cell === null) return '';
	if (typeof cell === 'number' || !FORMULA_START.test(cell) || PLAIN_NUMBER.test(cell)) return cell;
	return `'${cell}`;
}

/** A CSV document (RFC 4180: CRLF line ends, quotes where needed) of a header and rows. */
export function csvText(fields: string[], rows: CsvCell[][]): string {
	return Papa.unparse({
		fields: fields.map((field) => String(neutralizeCell(field))),
		data: rows.map((row) => row.map(neutralizeCell))
	});
}
