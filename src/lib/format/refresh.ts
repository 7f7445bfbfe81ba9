/**
 * How a new version of an export reads against the one it replaces, in the same words before it
 * is loaded (the upload preview) and after (its row under "Loaded files").
 */
import type { RefreshChange } from '../store/refresh';

export const plural = (n: number, one: string, many: string): string =>
	`${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "10 → 14 rows, 4 new days, 2 changed values, 1 day no longer in it" (no final stop). */
export function describeChange(
	rowsBefore: number,
	rowsAfter: number,
	change: RefreshChange
): string {
	const rows = `${rowsBefore.toLocaleString('en-US')} → ${rowsAfter.toLocaleString('en-US')} rows`;
	const parts = [
		rows,
		plural(change.newDays, 'new day', 'new days'),
		plural(change.changedValues, 'changed value', 'changed values')
	];
	if (change.droppedDays > 0)
		parts.push(`${plural(change.droppedDays, 'day', 'days')} no longer in it`);
	return parts.join(', ');
}
