/**
 * The demo business's catalog (data/demo-catalog.yaml), bundled into the app at build time.
 * TODO(catalog): read it with the catalog parser of src/lib/metrics once that lands.
 */
import { parse } from 'yaml';
import catalogText from '../../../data/demo-catalog.yaml?raw';
import type { Catalog, MetricDefinition, Weekday } from '../metrics/types';

interface CatalogFile {
	review: { week_ending_weekday: Weekday; fiscal_year_end_month: number };
	metrics: Record<string, Omit<MetricDefinition, 'id' | 'unitDetail'> & { unit_detail?: string }>;
}

export function demoCatalog(): Catalog {
	const file = parse(catalogText) as CatalogFile;
	return {
		review: {
			weekEndingWeekday: file.review.week_ending_weekday,
			fiscalYearEndMonth: file.review.fiscal_year_end_month
		},
		metrics: Object.entries(file.metrics).map(([id, { unit_detail, ...metric }]) => ({
			id,
			...metric,
			unitDetail: unit_detail
		}))
	};
}
