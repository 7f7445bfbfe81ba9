/**
 * What a new version of a loaded export would change, known before it is loaded: the upload
 * preview says "10 → 14 rows, 4 new days, 2 changed values" while the user can still keep both.
 *
 * Both versions are read, one after the other, into an engine of their own (never the review's),
 * by the same ingest and the same comparison the real replacement uses (`keepReplaced`,
 * `refreshChanges`), so the preview's numbers are the ones the loaded row shows afterwards. Each
 * version is read alone here, so observations another loaded file also holds count as the
 * version's own; the loaded row, computed beside the other files, may say fewer.
 */
import type { Engine } from '../engine/types';
import { ingestFiles, type IngestInput, type Mapping } from '../ingest';
import { OBSERVATIONS } from '../store/observations';
import { keepReplaced, refreshChanges, type RefreshChange } from '../store/refresh';

export interface Version extends IngestInput {
	mapping?: Mapping;
}

export interface VersionComparison extends RefreshChange {
	rowsBefore: number;
	rowsAfter: number;
}

/**
 * Compares `after` with `before`, read under `before`'s name. Throws with the ingest's reason when
 * the new version cannot be read. The engine's store is dropped before and after.
 */
export async function compareVersions(
	engine: Engine,
	before: Version,
	after: Version
): Promise<VersionComparison> {
	const name = before.name;
	const read = async (version: Version) => {
		const mappings = version.mapping ? { [name]: version.mapping } : {};
		const { files } = await ingestFiles(engine, [{ name, data: version.data }], { mappings });
		const report = files[0];
		if (!report || report.error) throw new Error(report?.error ?? `${name} could not be read`);
		return report.rowsRead;
	};
	const drop = () => engine.query(`DROP TABLE IF EXISTS ${OBSERVATIONS}`);
	try {
		await drop();
		const rowsBefore = await read(before);
		await keepReplaced(engine, [name]);
		await drop();
		const rowsAfter = await read(after);
		const change = (await refreshChanges(engine, [name])).get(name);
		if (!change) throw new Error(`${name}: the versions could not be compared`);
		return { ...change, rowsBefore, rowsAfter };
	} finally {
		await drop();
	}
}
