/**
 * DuckDB's progress reports as a fraction. DuckDB-WASM's worker posts `{ status, percentage,
 * repetitions }`; `percentage` is typed as a string but arrives as a number, and DuckDB reports
 * -1 for a query it cannot estimate.
 */
import type { QueryProgress } from './types';

/** The progress one DuckDB report says, or null when it says none. */
export function queryProgressOf(report: { percentage?: unknown }): QueryProgress | null {
	const percentage = Number(report.percentage);
	if (!Number.isFinite(percentage) || percentage < 0) return null;
	return { fraction: Math.min(1, percentage / 100) };
}
