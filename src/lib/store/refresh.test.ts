import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { ingestFiles } from '../ingest';
import { OBSERVATIONS } from './observations';
import { keepReplaced, refreshChanges } from './refresh';

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
});
afterAll(async () => engine.close());

/** A wide export of `days` days from 1 March 2024: orders = 10 × day, sessions = 100 × day. */
function weekly(days: number, changed: number[] = []): Uint8Array {
	const lines = ['date,orders,sessions'];
	for (let day = 1; day <= days; day++) {
		const orders = changed.includes(day) ? day * 10 + 1 : day * 10;
		lines.push(`2024-03-${String(day).padStart(2, '0')},${orders},${day * 100}`);
	}
	return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

describe('a refreshed export', () => {
	it('counts the new days and the changed values against the version it replaces', async () => {
		await ingestFiles(engine, [{ name: 'weekly.csv', data: weekly(10) }]);
		await keepReplaced(engine, ['weekly.csv']);
		await engine.query(`DROP TABLE ${OBSERVATIONS}`);
		// 14 days now: days 11-14 are new, and orders of days 2 and 5 were corrected.
		await ingestFiles(engine, [{ name: 'weekly.csv', data: weekly(14, [2, 5]) }]);
		const changes = await refreshChanges(engine, ['weekly.csv']);
		expect(changes.get('weekly.csv')).toEqual({ newDays: 4, droppedDays: 0, changedValues: 2 });
	});

	it('counts days the new version no longer has', async () => {
		await engine.query(`DROP TABLE IF EXISTS ${OBSERVATIONS}`);
		await ingestFiles(engine, [{ name: 'weekly.csv', data: weekly(10) }]);
		await keepReplaced(engine, ['weekly.csv']);
		await engine.query(`DROP TABLE ${OBSERVATIONS}`);
		await ingestFiles(engine, [{ name: 'weekly.csv', data: weekly(7) }]);
		const changes = await refreshChanges(engine, ['weekly.csv']);
		expect(changes.get('weekly.csv')).toEqual({ newDays: 0, droppedDays: 3, changedValues: 0 });
	});
});
