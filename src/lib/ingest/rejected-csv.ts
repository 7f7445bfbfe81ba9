/** The rejected rows of every file as one CSV the user can download: file, line, column, reason. */
import { csvText, type CsvCell } from '../export/csv';
import type { FileReport } from './types';

export function rejectedRowsCsv(files: FileReport[]): string {
	const rows: CsvCell[][] = [];
	for (const file of files) {
		if (file.error) rows.push([file.file, '', '', file.error]);
		for (const r of file.rejected) rows.push([file.file, r.line, r.column ?? '', r.reason]);
	}
	return csvText(['file', 'line', 'column', 'reason'], rows);
}
