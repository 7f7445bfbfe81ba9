/**
 * The set-up most ingest tests share: one Node engine (real DuckDB) for the test file, and an
 * empty store before each test.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';

/** An engine started before the file's tests, with `observations` dropped before each one. */
export function engineWithEmptyStore(): Engine {
	let started: Engine | undefined;
	const engine = () => {
		if (!started) throw new Error('the test engine is used before it started');
		return started;
	};
	beforeAll(async () => {
		started = await startNodeEngine();
	});
	afterAll(async () => started?.close());
	beforeEach(async () => {
		await engine().query('DROP TABLE IF EXISTS observations');
	});
	return {
		query: (sql, params, options) => engine().query(sql, params, options),
		registerFile: (name, source) => engine().registerFile(name, source),
		dropFile: (name) => engine().dropFile(name),
		// The file's engine closes after its last test.
		close: async () => {}
	};
}
