import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { createObservationsTable, ensureSegmentColumns, segmentDimensions } from './observations';

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
});
afterAll(async () => engine.close());

describe('observations store', () => {
	it('starts with no segments and adds each new dimension once', async () => {
		await createObservationsTable(engine);
		expect(await segmentDimensions(engine)).toEqual([]);
		await ensureSegmentColumns(engine, ['region', 'channel']);
		await ensureSegmentColumns(engine, ['channel', 'Department', 'metric']);
		expect(await segmentDimensions(engine)).toEqual(['region', 'channel', 'Department']);
	});
});
