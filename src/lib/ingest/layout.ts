/**
 * Wide or long, decided by a file's header names and by its shape. A long file has one value
 * column and a text column naming the metric of each row (`Date,Criterion,Platform,Value`: views,
 * visitors and reach, each on web and mobile, on every date); a wide file has a column per metric.
 */
import type { SampleRecord } from './records';

/** Header names that say "this column holds the metric's name" wherever they are. */
const METRIC_NAME =
	/^(metric|metrics|metric[ _]?(name|id)|measures?|measure[ _]?name|kpis?|kpi[ _]?name|series|series[ _]?name|variable|indicator|indicator[ _]?name|key|criterion|criteria|statistic|stat)$/i;

/**
 * Header names that may name the metric (`Event`, `Type`, `Name`): only in a file that is long by
 * its shape, where they say which text column names the metric and which split it.
 */
const MAYBE_METRIC_NAME =
	/^(event|events|event[ _]?(name|type)|type|name|metric[ _]?type|category|dimension|field|item|kennzahl|kpi[ _]?type)$/i;

/** A value column's name, when a long file has more than one number column. */
const VALUE_NAME = /^(value|values|amount|val|metric[ _]?value|measure[ _]?value|count|number)$/i;

/**
 * Names that say only "a value" (not what is measured): with such a column and text columns that
 * repeat on every date, the file is long by its shape (`Date,Platform,Value`), where `Date,Region,
 * Sales` is Sales split by region.
 */
const GENERIC_VALUE =
	/^(value|values|val|amount|metric[ _]?value|measure[ _]?value|wert|valeur|valor)$/i;

export interface LayoutDecision {
	layout: 'wide' | 'long';
	/** Long only: the columns holding the metric's name and its value (indexes into the header). */
	metricNameIndex?: number;
	valueIndex?: number;
	/** Long by shape: why, for the preview's notes. */
	note?: string;
}

/**
 * Whether a text column's values come back date after date (a metric name or a segment), rather
 * than once (an identifier) or now and then: each of its values is on at least half the dates.
 */
export function recursOnEveryDate(
	records: SampleRecord[],
	index: number,
	dateIndex: number
): boolean {
	const datesOf = new Map<string, Set<string>>();
	const dates = new Set<string>();
	for (const record of records) {
		const date = record.fields[dateIndex] ?? '';
		const value = (record.fields[index] ?? '').trim();
		if (date === '' || value === '') continue;
		dates.add(date);
		let on = datesOf.get(value);
		if (!on) datesOf.set(value, (on = new Set()));
		on.add(date);
	}
	if (datesOf.size === 0 || datesOf.size * dates.size < 2) return false;
	// A column with one value per row (and no date repeated) is not split by it.
	if (datesOf.size === 1 && dates.size === records.length) return false;
	return [...datesOf.values()].every((on) => on.size * 2 >= dates.size);
}

/**
 * The layout of a file whose columns were sorted into text and number columns (the date column in
 * neither). A metric-name header (`metric`, `kpi`, `criterion`, ...) with one number column, or a
 * value-named one, is long; so is one generic value column (`Value`, `Amount`) beside text columns
 * that repeat on every date, the metric's name then in the `Event`/`Type`/`Name` column or else the
 * first such text column. Anything else is wide.
 */
export function decideLayout(
	names: string[],
	textColumns: number[],
	numericColumns: number[],
	records: SampleRecord[],
	dateIndex: number
): LayoutDecision {
	const name = (i: number) => names[i] ?? '';
	const valueIndex =
		numericColumns.length === 1
			? numericColumns[0]
			: numericColumns.find((i) => VALUE_NAME.test(name(i)));
	const named = textColumns.find((i) => METRIC_NAME.test(name(i)));
	if (named !== undefined && valueIndex !== undefined)
		return { layout: 'long', metricNameIndex: named, valueIndex };
	if (
		numericColumns.length !== 1 ||
		valueIndex === undefined ||
		!GENERIC_VALUE.test(name(valueIndex))
	)
		return { layout: 'wide' };
	const repeating = textColumns.filter((i) => recursOnEveryDate(records, i, dateIndex));
	const metricNameIndex = repeating.find((i) => MAYBE_METRIC_NAME.test(name(i))) ?? repeating[0];
	if (metricNameIndex === undefined) return { layout: 'wide' };
	const others = repeating.filter((i) => i !== metricNameIndex).map((i) => `"${name(i)}"`);
	return {
		layout: 'long',
		metricNameIndex,
		valueIndex,
		note:
			`Long layout: one value column "${name(valueIndex)}" beside text that repeats on every date; ` +
			`the metric's name is read from "${name(metricNameIndex)}"` +
			(others.length ? `, and ${others.join(', ')} split it.` : '.')
	};
}
