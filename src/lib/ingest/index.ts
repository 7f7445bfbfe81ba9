/** Ingest's public API: see README.md. */
export { ingestFiles, metricSummaries } from './ingest';
export { previewFile, detectMapping, type FilePreview } from './mapping';
export { rejectedRowsCsv } from './rejected-csv';
export { mappingProblem } from './refusals';
export { REPEAT_RULES } from './repeats';
export { metricNameCandidates, withMetricNameColumn } from './mapping-edit';
export { MAX_FILE_BYTES, MAX_DECODED_BYTES, FileTooLargeError } from './limits';
export { NULL_SPELLINGS, parseNumber } from './numbers';
export type * from './types';
