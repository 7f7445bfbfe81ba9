/**
 * What the commands that review loaded data share: their arguments (`FILE... --config CONFIG
 * [--week-ending YYYY-MM-DD] [--json]`) and loading the files into native DuckDB with the
 * configuration parsed meanwhile, the same ingest code the app runs.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { startNativeEngine } from '../lib/engine/native';
import type { Engine } from '../lib/engine/types';
import { ingestFiles } from '../lib/ingest/ingest';
import type { ReviewConfig } from '../lib/metrics/config';
import { parseReviewConfig } from './review-config';

export interface LoadArgs {
	files: string[];
	config: string;
	weekEnding?: string;
	json: boolean;
}

export function parseLoadArgs(args: string[]): LoadArgs {
	const files: string[] = [];
	let config: string | undefined;
	let weekEnding: string | undefined;
	let json = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] as string;
		const value = (): string => {
			const next = args[++i];
			if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
			return next;
		};
		if (arg === '--config') config = value();
		else if (arg.startsWith('--config=')) config = arg.slice('--config='.length);
		else if (arg === '--week-ending') weekEnding = value();
		else if (arg.startsWith('--week-ending=')) weekEnding = arg.slice('--week-ending='.length);
		else if (arg === '--json') json = true;
		else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
		else files.push(arg);
	}
	if (!config) throw new Error('--config CONFIG.yaml is required');
	if (!files.length) throw new Error('name at least one CSV file');
	if (weekEnding !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(weekEnding)) {
		throw new Error(`--week-ending must be YYYY-MM-DD, not "${weekEnding}"`);
	}
	return { files, config, weekEnding, json };
}

/**
 * Loads the files and the configuration, runs `work` on them and closes the engine; exit status 1
 * (each file's problem on stderr, after `flywheel COMMAND:`) when a file cannot be read.
 */
export async function withLoadedData(
	command: string,
	options: LoadArgs,
	work: (engine: Engine, config: ReviewConfig) => Promise<number>
): Promise<number> {
	// Read first, so a missing configuration is the first thing said; parsed while DuckDB loads.
	const configText = await readFile(options.config, 'utf8');
	const parsing = parseReviewConfig(configText, basename(options.config));
	parsing.catch(() => {}); // awaited below, before anything else is reported
	const inputs = await Promise.all(
		options.files.map(async (path) => ({
			name: basename(path),
			data: new Uint8Array(await readFile(path))
		}))
	).catch(async (error: unknown) => {
		await parsing;
		throw error;
	});
	const engine = await startNativeEngine();
	try {
		const ingested = await ingestFiles(engine, inputs);
		const config = await parsing;
		let failed = false;
		for (const file of ingested.files) {
			if (file.error) {
				console.error(`flywheel ${command}: ${file.file}: ${file.error}`);
				failed = true;
			} else if (file.rowsRejected || file.cellsRejected) {
				console.error(
					`flywheel ${command}: ${file.file}: ${file.rowsRejected} rows and ${file.cellsRejected} cells not loaded (see flywheel inspect)`
				);
			}
		}
		if (failed) return 1;
		return await work(engine, config);
	} finally {
		await engine.close();
	}
}
