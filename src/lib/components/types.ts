/** What the review's presentational components read; a `ReviewMetric` (with its catalog owner) fits. */
import type { SixTwelveMetric } from '../charts/six-twelve';
import type { ComparisonMethod, Direction, MetricKind } from '../metrics/types';
import type { DataGrain } from '../periods/grain';
import type { Box, BoxCell } from '../review/types';

export interface CardMetric extends SixTwelveMetric {
	id: string;
	kind: MetricKind;
	direction: Direction;
	comparison: ComparisonMethod;
	box: Box;
	/** Why a box figure is null (`no_baseline`, ...). */
	notes: Partial<Record<BoxCell, string>>;
	owner?: string;
	/** How often the data has a value (default daily): a monthly metric has no weekly status. */
	dataGrain?: DataGrain;
}

/** What the exception list needs to know about each metric, by id. */
export interface MetricLabel {
	label: string;
	unit: SixTwelveMetric['unit'];
	unitDetail?: string;
}
