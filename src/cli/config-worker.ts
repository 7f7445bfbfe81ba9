/**
 * Parses a review configuration on a worker thread (see `parseReviewConfig` in review-config.ts):
 * posts back the configuration, or the message of the error that stopped it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadReviewConfig } from '../lib/metrics/config';

const { text, fileName } = workerData as { text: string; fileName: string };
try {
	parentPort?.postMessage({ config: loadReviewConfig(text, fileName) });
} catch (error) {
	parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
