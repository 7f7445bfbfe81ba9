/**
 * Corrections to a detected mapping, shared by the upload page's mapping editor and the command
 * line's mapping options, so both change a mapping the same way.
 */
import type { DateOrder, Layout, Mapping, RepeatRule } from './types';

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

/** Column roles the user sets (the upload page's mapping editor, the CLI's mapping options). */
export interface MappingChoices {
	layout?: Layout;
	dateColumn?: string;
	/** Long: the one column naming each row's metric. Wide: the columns loaded as metrics. */
	metricColumns?: string[];
	/** Long: the column holding the values. */
	valueColumn?: string;
	/** The columns that split a metric; text columns left out of them are not loaded. */
	segmentColumns?: string[];
	dateOrder?: DateOrder;
	/** What a date on more than one row of a wide file means (`repeats.ts`). */
	repeats?: RepeatRule;
}

/** A choice that names a column the file does not have, or asks for what cannot be. */
export class MappingChoiceError extends Error {}

/**
 * The mapping with the user's choices applied; whatever was not chosen stays as detected. The
 * result is checked when the file loads, with the upload page's messages (`checkMapping`).
 */
export function applyMappingChoices(detected: Mapping, choices: MappingChoices): Mapping {
	const named = [
		choices.dateColumn,
		choices.valueColumn,
		...(choices.metricColumns ?? []),
		...(choices.segmentColumns ?? [])
	];
	for (const column of named)
		if (column !== undefined && !detected.columns.includes(column))
			throw new MappingChoiceError(
				`"${column}" is not a column; the columns are ${detected.columns.map((c) => `"${c}"`).join(', ')}`
			);
	let mapping: Mapping = { ...detected };
	const chosen = new Set(named.filter((c): c is string => c !== undefined));
	const fileOrder = (list: string[]) => mapping.columns.filter((c) => list.includes(c));
	const unassign = (column: string) => {
		const without = (list: string[]) => list.filter((c) => c !== column);
		mapping = {
			...mapping,
			metricColumns: without(mapping.metricColumns),
			segmentColumns: without(mapping.segmentColumns),
			ignoredColumns: without(mapping.ignoredColumns),
			dateColumn: mapping.dateColumn === column ? '' : mapping.dateColumn,
			metricNameColumn: mapping.metricNameColumn === column ? null : mapping.metricNameColumn,
			valueColumn: mapping.valueColumn === column ? null : mapping.valueColumn
		};
	};
	if (choices.dateOrder) mapping.dateOrder = choices.dateOrder;
	if (choices.repeats) mapping.repeats = choices.repeats;
	if (choices.dateColumn !== undefined && choices.dateColumn !== mapping.dateColumn) {
		const previous = mapping.dateColumn;
		unassign(choices.dateColumn);
		mapping.dateColumn = choices.dateColumn;
		if (previous && !chosen.has(previous))
			mapping.ignoredColumns = fileOrder([...mapping.ignoredColumns, previous]);
	}
	const layout =
		choices.layout ??
		(choices.valueColumn !== undefined ||
		(choices.metricColumns?.length === 1 && mapping.layout === 'long')
			? 'long'
			: mapping.layout);
	if (layout === 'long') {
		if (choices.metricColumns && choices.metricColumns.length > 1)
			throw new MappingChoiceError(
				`a long file has one column naming the metric, not ${choices.metricColumns.length}`
			);
		const valueColumn =
			choices.valueColumn ??
			mapping.valueColumn ??
			(mapping.metricColumns.length === 1 ? mapping.metricColumns[0] : undefined);
		if (valueColumn !== undefined) {
			unassign(valueColumn);
			mapping.valueColumn = valueColumn;
		}
		const metricName =
			choices.metricColumns?.[0] ?? mapping.metricNameColumn ?? mapping.segmentColumns[0];
		if (metricName !== undefined) mapping = withMetricNameColumn(mapping, metricName);
		// Other number columns of a wide reading are not loaded in a long one.
		mapping.ignoredColumns = fileOrder([...mapping.ignoredColumns, ...mapping.metricColumns]);
		mapping.metricColumns = [];
		mapping.layout = 'long';
	} else {
		const wasLong = mapping.layout === 'long';
		const value = mapping.valueColumn;
		const name = mapping.metricNameColumn;
		mapping = { ...mapping, layout: 'wide', metricNameColumn: null, valueColumn: null };
		if (choices.metricColumns) {
			for (const column of choices.metricColumns) unassign(column);
			mapping.metricColumns = fileOrder(choices.metricColumns);
		} else if (wasLong && value) mapping.metricColumns = [value];
		if (wasLong && name && !chosen.has(name))
			mapping.segmentColumns = fileOrder([...mapping.segmentColumns, name]);
	}
	if (choices.segmentColumns) {
		const dropped = mapping.segmentColumns.filter((c) => !choices.segmentColumns?.includes(c));
		for (const column of choices.segmentColumns) unassign(column);
		mapping.segmentColumns = fileOrder(choices.segmentColumns);
		mapping.ignoredColumns = fileOrder([...mapping.ignoredColumns, ...dropped]);
	}
	return mapping;
}
