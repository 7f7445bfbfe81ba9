// Native DuckDB running Flywheel's own review code on a file, the yardstick for the browser's
// review, which runs the same TypeScript and SQL in DuckDB-WASM (../bench/review-code.ts).
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { fileBlob, startNativeEngine } from '../src/lib/engine/native';
import { ingestFiles } from '../src/lib/ingest/ingest';
import { timeReviews, type ReviewTimings } from './review-code';

export async function nativeReviewOnce(
	path: string,
	options: { evidence?: boolean } = {}
): Promise<ReviewTimings> {
	const engine = await startNativeEngine();
	try {
		const data = fileBlob(await openAsBlob(path), path);
		const { files } = await ingestFiles(engine, [{ name: basename(path), data }]);
		if (files[0]?.error) throw new Error(`native ingest of ${path}: ${files[0].error}`);
		return await timeReviews(engine, 5, options);
	} finally {
		await engine.close();
	}
}
