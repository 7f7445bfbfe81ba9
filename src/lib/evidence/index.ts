export { judgeEvidence, expectedSign, MIN_WEEKS, LINK_P_THRESHOLD } from './evidence';
export type { EvidenceMetric } from './evidence';
export type { Evidence, EvidenceLink, SuggestedLink, Verdict } from './types';
