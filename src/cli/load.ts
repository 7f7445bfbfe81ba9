/**
 * What the commands that review loaded data share (`review`, `evidence`): their arguments
 * (`FILE... [--config CONFIG.yaml] [--week-ending YYYY-MM-DD] [--json]` and the mapping options),
 * and loading the files into native DuckDB with the configuration parsed meanwhile, the same
 * ingest code the app runs. Without `--config` the catalog is guessed from the data's metrics, as
 * the app does for uploaded files.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { startNativeEngine } from '../lib/engine/native';
import type { Engine } from '../lib/engine/types';
import { ingestFiles } from '../lib/ingest/ingest';
import { catalogFromMetrics } from '../lib/metrics/catalogFile';
import type { ReviewConfig } from '../lib/metrics/config';
import { deckFromCatalog } from '../lib/metrics/deck';
import { stringOption, UsageError, type ParsedArgs } from './args';
import { isReadable, readInput } from './files';
import { mappingOptions, mappingsFor } from './mapping-options';
import { parseReviewConfig } from './review-config';

export interface LoadedData {
	config: ReviewConfig;
	/** No `--config`: the catalog was guessed from the data. */
	guessed: boolean;
	weekEnding?: string;
	json: boolean;
}

/** The configuration's text, read now; its parsing, a promise (in a box, so `await` does not wait for it). */
async function readConfig(path: string): Promise<{ parsing: Promise<ReviewConfig> }> {
	const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
		throw new Error(`${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
	});
	const parsing = parseReviewConfig(text, basename(path));
	parsing.catch(() => {}); // awaited once the files are loaded, before anything else is reported
	return { parsing };
}

/**
 * Loads the files named in `parsed` and the configuration, runs `work` on them and closes the
 * engine; exit status 1 (each file's problem on stderr, after `flywheel COMMAND:`) when a file
 * cannot be read.
 */
export async function withLoadedData(
	command: string,
	parsed: ParsedArgs,
	work: (engine: Engine, data: LoadedData) => Promise<number>
): Promise<number> {
	const files = parsed.positionals;
	const configPath = stringOption(parsed, 'config');
	const weekEnding = stringOption(parsed, 'week-ending');
	const options = mappingOptions(parsed);
	if (!files.length) throw new UsageError('name at least one CSV file');
	if (weekEnding !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(weekEnding))
		throw new UsageError(`--week-ending must be YYYY-MM-DD, not "${weekEnding}"`);
	// Read first, so a missing configuration is the first thing said; parsed while DuckDB loads.
	const parsing = configPath === undefined ? undefined : (await readConfig(configPath)).parsing;
	const inputs = files.map((path) => readInput(path, basename(path)));
	const { mappings, errors } = await mappingsFor(inputs.filter(isReadable), options);
	for (const input of inputs) {
		const error = 'error' in input ? input.error : errors.get(input.name);
		if (error) errors.set(input.name, error);
	}
	if (errors.size > 0) {
		await parsing;
		for (const [name, error] of errors) console.error(`flywheel ${command}: ${name}: ${error}`);
		return 1;
	}
	const engine = await startNativeEngine();
	try {
		const ingested = await ingestFiles(engine, inputs.filter(isReadable), {
			mappings,
			// Native DuckDB spills to disk: no browser tab's limit.
			maxFileBytes: Infinity
		});
		const given = await parsing;
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
		let config: ReviewConfig;
		if (given) config = given;
		else {
			const catalog = catalogFromMetrics(ingested.metrics.map((m) => m.id));
			config = { catalog, deck: deckFromCatalog(catalog), format: 'catalog' };
		}
		const json = parsed.values.json === true;
		return await work(engine, { config, guessed: !given, weekEnding, json });
	} finally {
		await engine.close();
	}
}
