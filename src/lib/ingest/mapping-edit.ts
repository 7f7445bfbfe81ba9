/**
 * Corrections to a detected mapping, shared by the upload page's mapping editor and the command
 * line's mapping options, so both change a mapping the same way.
 */
import type { Mapping } from './types';

/** The columns that could name a long file's metric: all but the date and the value column. */
export function metricNameCandidates(mapping: Mapping): string[] {
	return mapping.columns.filter((c) => c !== mapping.dateColumn && c !== mapping.valueColumn);
}

/**
 * The mapping with the metric's name read from `column` (layout long): the column it replaces
 * becomes a segment, as the text column it is, and `column` is no longer a segment or a metric.
 */
export function withMetricNameColumn(mapping: Mapping, column: string): Mapping {
	const without = (list: string[]) => list.filter((c) => c !== column);
	const previous = mapping.metricNameColumn;
	const segmentColumns = without(mapping.segmentColumns);
	if (previous && previous !== column && !segmentColumns.includes(previous))
		segmentColumns.push(previous);
	return {
		...mapping,
		layout: 'long',
		metricNameColumn: column,
		metricColumns: without(mapping.metricColumns),
		segmentColumns: mapping.columns.filter((c) => segmentColumns.includes(c)),
		ignoredColumns: without(mapping.ignoredColumns)
	};
}
