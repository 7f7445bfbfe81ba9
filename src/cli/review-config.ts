/**
 * A review configuration, parsed while DuckDB loads the files. Parsing the YAML is plain
 * JavaScript on one thread (a 500-metric WBR App configuration takes 0.3-0.6 s) while the main
 * thread mostly waits for DuckDB, so the compiled command line parses it on a worker thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadReviewConfig, type ReviewConfig } from '../lib/metrics/config';

/**
 * The compiled worker (scripts/build-cli.js), which sits beside the compiled command line. Run from
 * source (tsx), there is none, since a worker thread does not inherit tsx's loader.
 */
const WORKER = new URL('./config-worker.mjs', import.meta.url);

/** A smaller configuration parses in less time than a worker takes to start (~50 ms). */
const WORKER_FROM_CHARACTERS = 32_000;

/** The configuration in `text`; rejects with the same message `loadReviewConfig` throws. */
export function parseReviewConfig(text: string, fileName: string): Promise<ReviewConfig> {
	if (text.length < WORKER_FROM_CHARACTERS || !existsSync(fileURLToPath(WORKER))) {
		return new Promise((resolve) => resolve(loadReviewConfig(text, fileName)));
	}
	return new Promise((resolve, reject) => {
		const worker = new Worker(WORKER, { workerData: { text, fileName } });
		worker.once('message', (answer: { config?: ReviewConfig; error?: string }) => {
			if (answer.config) resolve(answer.config);
			else reject(new Error(answer.error));
		});
		worker.once('error', reject);
		worker.once('exit', (code) =>
			reject(new Error(`the configuration's parser stopped (${code})`))
		);
	});
}
