/**
 * The one entry point: a metric's series, what we know about the metric, and the period under
 * review in; its band, its signals and its exception (if any) out.
 */
import { targetAssurance } from './assurance';
import { DEFAULT_BASELINE_WINDOW, processStart, reviewPosition, signalWindow } from './baseline';
import { buildException } from './exceptions';
import { bandModel, observed } from './methods';
import { detectSignals, isGoodNews, SIGNAL_RULES } from './signals';
import type {
	MetricBandConfig,
	MetricEvaluation,
	ReviewBandOptions,
	Series,
	Signal
} from './types';

export function evaluateMetric(
	series: Series,
	metric: MetricBandConfig,
	reviewPeriod: number | string,
	options: ReviewBandOptions = {}
): MetricEvaluation {
	checkAligned(series, metric);
	const review = reviewPosition(series, reviewPeriod);
	const method = metric.band ?? { method: 'xmr' };
	const baselineWindow =
		(method.method === 'xmr' || method.method === 'xmr_median'
			? method.baselineWindow
			: undefined) ?? DEFAULT_BASELINE_WINDOW[options.grain ?? 'week'];
	const start = processStart(series.periods, metric.knownChanges ?? [], review);
	const model = bandModel({
		series,
		metric,
		review,
		signalWindow: signalWindow(review, baselineWindow, start.position),
		processStart: start,
		baselineWindow
	});

	const rules = metric.rules ?? options.rules ?? SIGNAL_RULES;
	const signals: Signal[] = [];
	const earlierSignals: Signal[] = [];
	for (const span of detectSignals(model.points, rules, model.movingRangeUpper)) {
		const signal: Signal = {
			rule: span.rule,
			from: series.periods[span.first] as string,
			to: series.periods[span.last] as string,
			good: isGoodNews(span.side, metric.direction),
			side: span.side
		};
		// Nothing after the review is searched, so a range includes the review exactly when it ends there.
		(span.last === review ? signals : earlierSignals).push(signal);
	}

	const period = series.periods[review] as string;
	const value = observed(series.values[review]);
	return {
		metricId: metric.id,
		kind: metric.kind,
		period,
		value,
		band: model.band,
		signals,
		earlierSignals,
		assurance: targetAssurance(metric.plan?.[review], model.band, metric.direction),
		exception: buildException({
			metricId: metric.id,
			kind: metric.kind,
			direction: metric.direction,
			period,
			value,
			band: model.band,
			signals
		})
	};
}

function checkAligned(series: Series, metric: MetricBandConfig) {
	const length = series.periods.length;
	const aligned = [
		['values', series.values],
		['plan', metric.plan],
		['priorYear', metric.priorYear]
	] as const;
	for (const [name, list] of aligned) {
		if (list && list.length !== length) {
			throw new RangeError(
				`${metric.id}: ${name} has ${list.length} entries for ${length} periods`
			);
		}
	}
}
