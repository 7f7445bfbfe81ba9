/**
 * A dotted date among slashed ones (`06.01.2024` in a column of `1/13/2024`) is another spelling,
 * not another row of the same: the dots are the European way, day first. Its order is decided
 * from the dotted dates' own values (a first number above 12 says day first, a second month
 * first; with neither, day first), and a note names the first line.
 */
import { ident, literal } from '../engine/sql';
import type { Engine } from '../engine/types';
import type { DateOrder } from './types';

/** A day-month-year date written with dots, with or without a time. */
const DOTTED = `'^[0-9]{1,2}\\.[0-9]{1,2}\\.([0-9]{2}|[0-9]{4})([ T,]|$)'`;

function formats(order: DateOrder): string[] {
	const [a, b] = order === 'MDY' ? ['%m', '%d'] : ['%d', '%m'];
	return ['%Y', '%y'].flatMap((y) =>
		['', ' %H:%M:%S', ' %H:%M'].map((time) => `${a}.${b}.${y}${time}`)
	);
}

/**
 * Re-reads the dotted dates of a staged rows table (`date_text`, `parsed`, `line`) in their own
 * order when the column also holds dates written otherwise, and returns the note, or null. The
 * look for dots is a plain `contains`, so a file with none costs one cheap scan.
 */
export async function readDottedDates(
	engine: Engine,
	rowsTable: string,
	fileOrder: DateOrder
): Promise<string | null> {
	const table = ident(rowsTable);
	// A plain look for a dot first: the rules below run only on the rows that have one.
	const any = await engine.query(`SELECT count(date_text) AS dates,
			count(*) FILTER (WHERE contains(date_text, '.')) AS with_dot FROM ${table}`);
	const withDot = Number(any.columns['with_dot']?.[0] ?? 0);
	if (withDot === 0 || withDot === Number(any.columns['dates']?.[0] ?? 0)) return null;
	const dotted = `contains(date_text, '.') AND regexp_matches(trim(date_text), ${DOTTED})`;
	const found = await engine.query(`SELECT count(*) FILTER (WHERE ${dotted}) AS dotted,
			${Number(any.columns['dates']?.[0] ?? 0)} AS dates,
			min(line) FILTER (WHERE ${dotted}) AS first_line,
			arg_min(date_text, line) FILTER (WHERE ${dotted}) AS first_text,
			count(*) FILTER (WHERE ${dotted} AND TRY_CAST(split_part(trim(date_text), '.', 1) AS INTEGER) > 12) AS day_first,
			count(*) FILTER (WHERE ${dotted} AND TRY_CAST(split_part(trim(date_text), '.', 2) AS INTEGER) > 12) AS month_first
		FROM ${table} WHERE contains(date_text, '.')`);
	const value = (name: string) => Number(found.columns[name]?.[0] ?? 0);
	const count = value('dotted');
	// All dotted (or none): the file's own order applies to every date.
	if (count === 0 || count === value('dates')) return null;
	const order: DateOrder = value('month_first') > value('day_first') ? 'MDY' : 'DMY';
	if (order === fileOrder) return null;
	const list = formats(order).map(literal).join(', ');
	await engine.query(`UPDATE ${table} SET parsed = try_strptime(trim(date_text), [${list}])
		WHERE ${dotted}`);
	const first = `"${String(found.columns['first_text']?.[0] ?? '').trim()}", line ${value('first_line')}`;
	const others = fileOrder === 'YMD' ? 'the others' : `the others ${fileOrder}`;
	return (
		`${count} ${count === 1 ? 'date is' : 'dates are'} written with dots (first ${first}) ` +
		`among dates written otherwise: read ${order === 'DMY' ? 'day first (DMY), as dotted dates are written' : 'month first (MDY), as their own values say'}; ${others}.`
	);
}
