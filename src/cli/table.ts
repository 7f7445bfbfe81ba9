/** Text tables for a terminal: each column as wide as its widest cell, numbers to the right. */

/** Rows of cells as aligned lines; `right[i]` aligns column i to the right. */
export function alignedTable(rows: string[][], right: boolean[] = [], indent = '  '): string[] {
	const widths: number[] = [];
	for (const row of rows)
		row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
	return rows.map(
		(row) =>
			indent +
			row
				.map((cell, i) => {
					const width = widths[i] ?? 0;
					if (i === row.length - 1 && !right[i]) return cell;
					return right[i] ? cell.padStart(width) : cell.padEnd(width);
				})
				.join('  ')
	);
}
