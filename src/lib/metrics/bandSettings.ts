/**
 * A catalog metric's `band:` field: which expected band the review draws for it. Written as a
 * method name (`band: xmr`) or as settings (`band: { method: yoy, expected_change_percent: 18,
 * tolerance_percent: 5 }`). Every problem is reported at its line; see README.md beside this file.
 */
import { SIGNAL_RULES } from '../bands/signals';
import type { BandMethod, SignalRule } from '../bands/types';
import { isRecord, type ConfigSource, type FieldPath } from './configSource';
import type { MetricBand } from './types';

export const BAND_METHODS: readonly BandMethod[] = ['xmr', 'xmr_median', 'plan', 'yoy', 'fixed'];

const XMR: readonly BandMethod[] = ['xmr', 'xmr_median'];

/** Each numeric setting, the methods it applies to, and whether it must be a whole number ≥ 1. */
const NUMBERS: Record<
	string,
	{ key: keyof MetricBand; methods: readonly BandMethod[]; count?: true }
> = {
	baseline_weeks: { key: 'baselineWeeks', methods: XMR, count: true },
	baseline_months: { key: 'baselineMonths', methods: XMR, count: true },
	minimum_points: { key: 'minimumPoints', methods: XMR, count: true },
	tolerance_percent: { key: 'tolerancePercent', methods: ['plan', 'yoy'] },
	tolerance: { key: 'tolerance', methods: ['plan'] },
	expected_change_percent: { key: 'expectedChangePercent', methods: ['yoy'] },
	lower: { key: 'lower', methods: ['fixed'] },
	upper: { key: 'upper', methods: ['fixed'] },
	centre: { key: 'centre', methods: ['fixed'] }
};

const OTHER_FIELDS = ['method', 'locked_baseline', 'known_changes', 'rules'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date as `YYYY-MM-DD`; YAML 1.1 readers may hand over a Date. */
function isoDate(value: unknown): string | undefined {
	if (value instanceof Date && !Number.isNaN(value.getTime()))
		return value.toISOString().slice(0, 10);
	if (typeof value !== 'string' || !ISO_DATE.test(value)) return undefined;
	return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : value;
}

export function readBand(
	source: ConfigSource,
	value: unknown,
	path: FieldPath
): MetricBand | undefined {
	if (value === undefined) return undefined;
	const raw = typeof value === 'string' ? { method: value } : value;
	if (!isRecord(raw)) {
		source.problem(path, `expected a method (${BAND_METHODS.join(', ')}) or { method: ..., ... }`);
		return undefined;
	}
	const method = raw['method'] ?? 'xmr';
	if (!BAND_METHODS.includes(method as BandMethod)) {
		source.problem(
			typeof value === 'string' ? path : [...path, 'method'],
			`expected one of ${BAND_METHODS.join(', ')}, not "${String(method)}"`
		);
		return undefined;
	}
	const band: MetricBand = { method: method as BandMethod };
	for (const [field, given] of Object.entries(raw)) {
		const at = [...path, field];
		const number = NUMBERS[field];
		if (number) {
			if (!number.methods.includes(band.method)) {
				source.problem(at, `applies to method ${number.methods.join(' or ')} only`);
			} else if (typeof given !== 'number' || !Number.isFinite(given)) {
				source.problem(at, 'expected a number');
			} else if (number.count && (!Number.isInteger(given) || given < 1)) {
				source.problem(at, 'expected a whole number of periods, at least 1');
			} else if (field.startsWith('tolerance') && given < 0) {
				source.problem(at, 'expected 0 or more');
			} else {
				(band as unknown as Record<string, number>)[number.key] = given;
			}
		} else if (!OTHER_FIELDS.includes(field)) {
			source.problem(
				at,
				`unknown field (known: ${[...OTHER_FIELDS, ...Object.keys(NUMBERS)].join(', ')})`
			);
		}
	}
	readLockedBaseline(source, raw['locked_baseline'], [...path, 'locked_baseline'], band);
	readKnownChanges(source, raw['known_changes'], [...path, 'known_changes'], band);
	readRules(source, raw['rules'], [...path, 'rules'], band);
	checkComplete(source, path, band);
	return band;
}

function readLockedBaseline(
	source: ConfigSource,
	value: unknown,
	path: FieldPath,
	band: MetricBand
): void {
	if (value === undefined) return;
	if (!XMR.includes(band.method)) {
		source.problem(path, `applies to method ${XMR.join(' or ')} only`);
		return;
	}
	const from = isRecord(value) ? isoDate(value['from']) : undefined;
	const to = isRecord(value) ? isoDate(value['to']) : undefined;
	if (!from || !to) source.problem(path, 'expected { from: YYYY-MM-DD, to: YYYY-MM-DD }');
	else if (from > to) source.problem(path, `starts (${from}) after it ends (${to})`);
	else band.lockedBaseline = { from, to };
}

function readKnownChanges(
	source: ConfigSource,
	value: unknown,
	path: FieldPath,
	band: MetricBand
): void {
	if (value === undefined) return;
	const items: unknown[] = Array.isArray(value) ? value : [value];
	const dates = items.map(isoDate);
	dates.forEach((date, index) => {
		if (!date) source.problem([...path, index], 'expected a date, YYYY-MM-DD');
	});
	const known = dates.filter((date): date is string => date !== undefined);
	if (known.length) band.knownChanges = known;
}

function readRules(source: ConfigSource, value: unknown, path: FieldPath, band: MetricBand): void {
	if (value === undefined) return;
	const items: unknown[] = Array.isArray(value) ? value : [value];
	const rules: SignalRule[] = [];
	items.forEach((rule, index) => {
		if (SIGNAL_RULES.includes(rule as SignalRule)) rules.push(rule as SignalRule);
		else
			source.problem(
				[...path, index],
				`expected one of ${SIGNAL_RULES.join(', ')}, not "${String(rule)}"`
			);
	});
	if (items.length === 0) source.problem(path, 'name at least one rule');
	if (rules.length) band.rules = rules;
}

/** What each method cannot do without. */
function checkComplete(source: ConfigSource, path: FieldPath, band: MetricBand): void {
	if (band.method === 'plan') {
		const given =
			Number(band.tolerancePercent !== undefined) + Number(band.tolerance !== undefined);
		if (given !== 1) source.problem(path, 'a plan band needs tolerance_percent or tolerance');
	} else if (band.method === 'yoy' && band.tolerancePercent === undefined) {
		source.problem(path, 'a yoy band needs tolerance_percent');
	} else if (band.method === 'fixed') {
		if (band.lower === undefined && band.upper === undefined)
			source.problem(path, 'a fixed band needs lower, upper or both');
		else if (band.lower !== undefined && band.upper !== undefined && band.lower > band.upper)
			source.problem(path, `lower (${band.lower}) is above upper (${band.upper})`);
	}
}
