/** Limits that protect the browser tab; each is named once here and quoted in messages and docs. */

/**
 * The largest file Flywheel loads. DuckDB-WASM's memory tops out at 4 GB and a file is held about
 * three times while loading (the file, its text columns, the observations), so larger files are
 * refused up front with their size, instead of freezing or crashing the tab.
 */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * Files that must be decoded in JavaScript (gzip, Latin-1, UTF-16) are held several times over
 * as JS strings and bytes, so their limit is lower.
 */
export const MAX_DECODED_BYTES = 256 * 1024 * 1024;

/** How much of a file's start is read to detect its encoding, delimiter, header and columns. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * A wide file's header and first rows may not fit in `SNIFF_BYTES` (10,000 columns are 1.4 MB in
 * 50 rows): the sample doubles until it holds `SNIFF_MIN_LINES` line ends, up to this size.
 */
export const MAX_SNIFF_BYTES = 8 * 1024 * 1024;

/** Line ends the sample must hold: a header, a few whole rows, and the row the cut may split. */
export const SNIFF_MIN_LINES = 6;

/** Rejections listed per file; counts stay exact beyond it, and the full list is in SQL. */
export const MAX_REJECTED_LISTED = 10_000;

/**
 * A size in binary units with three significant digits (`1.00 GiB`, `37.1 MiB`, `512 KiB`), so
 * that sizes a few percent apart read apart; below 1 KiB, in bytes.
 */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	const units = ['KiB', 'MiB', 'GiB', 'TiB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${units[unit]}`;
}

/** Two sizes that must read apart: in binary units, or in bytes when those round the same. */
function sizesApart(size: number, limit: number): [string, string] {
	const [a, b] = [formatBytes(size), formatBytes(limit)];
	if (a !== b) return [a, b];
	const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;
	return [bytes(size), `${bytes(limit)} (${b})`];
}

/** A file the tab cannot hold: said with its size and the limit, before anything is read. */
export class FileTooLargeError extends Error {
	constructor(fileName: string, size: number, limit: number, what = 'files') {
		const [sizeText, limitText] = sizesApart(size, limit);
		super(
			`${fileName} is ${sizeText}; Flywheel loads ${what} up to ${limitText} in the browser. Split or filter the export and load the parts.`
		);
		this.name = 'FileTooLargeError';
	}
}
