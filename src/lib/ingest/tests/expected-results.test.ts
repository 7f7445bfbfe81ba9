/**
 * Where a corpus source states the expected result, the table Flywheel reads matches it:
 * csv-spectrum's JSON, PapaParse's own test cases (those with default options and no expected
 * errors) and the CSVW suite's positive number tests. Exceptions are listed in unsupported.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';
import { parseNumber } from '../numbers';
import { parseTable, type ParsedTable } from '../parse-table';
import { isUnsupported } from '../unsupported';
import { BAD_INPUT, filesUnder } from './corpus';

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
});
afterAll(async () => engine.close());

const read = (relative: string) => readFileSync(path.join(BAD_INPUT, relative));

/** The table as the rows a plain CSV parser returns: header first, short rows not padded. */
function asRows(table: ParsedTable): string[][] {
	const rows = table.rows.map((row) => {
		const cells = [...row];
		while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
		return cells.map((c) => c ?? '');
	});
	return table.headerLine > 0 ? [table.header, ...rows] : rows;
}

describe('csv-spectrum', () => {
	const csvs = filesUnder(path.join(BAD_INPUT, 'csv-spectrum/csvs'));
	for (const file of csvs) {
		const name = path.relative(BAD_INPUT, file);
		it.skipIf(isUnsupported(name))(name, async () => {
			const expected = JSON.parse(
				readFileSync(file.replace('/csvs/', '/json/').replace(/\.csv$/, '.json'), 'utf8')
			) as Record<string, string>[];
			const table = await parseTable(engine, name, readFileSync(file));
			const objects = table.rows.map((row) =>
				Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? '']))
			);
			expect(objects).toEqual(expected);
		});
	}
});

interface PapaCase {
	file: string;
	description: string;
	config: Record<string, unknown> | null;
	expected: { data: string[][]; errors: unknown[] };
}

describe('PapaParse test cases (default options, no expected errors)', () => {
	const cases = (
		JSON.parse(readFileSync(path.join(BAD_INPUT, 'papaparse/cases.json'), 'utf8')) as PapaCase[]
	).filter((c) => !c.config && c.expected.errors.length === 0);
	for (const c of cases) {
		const name = `papaparse/${c.file}`;
		it.skipIf(isUnsupported(name))(`${c.file}: ${c.description}`, async () => {
			const table = await parseTable(engine, name, read(name));
			// PapaParse returns a blank line as [""]; DuckDB (and Flywheel) skip blank lines.
			const expected = c.expected.data.filter((row) => !(row.length === 1 && row[0] === ''));
			expect(asRows(table)).toEqual(expected);
		});
	}
});

interface CsvwTest {
	id: string;
	type: string;
	result?: string;
	implicit?: string[];
}

describe('CSVW positive tests: numbers read as the suite expects', () => {
	const manifest = JSON.parse(
		readFileSync(path.join(BAD_INPUT, 'csvw/manifest-selected.json'), 'utf8')
	) as CsvwTest[];
	const seen = new Set<string>();
	const tests = manifest.filter((t) => {
		const csv = t.implicit?.find((f) => f.endsWith('.csv'));
		if (t.type !== 'csvt:ToJsonTest' || !csv || !t.result || seen.has(t.id)) return false;
		seen.add(t.id);
		return true;
	});
	for (const t of tests) {
		const csv = `csvw/${t.implicit?.find((f) => f.endsWith('.csv'))}`;
		it.skipIf(isUnsupported(csv))(`${t.id} ${csv}`, async () => {
			const expected = JSON.parse(read(`csvw/${t.result}`).toString('utf8')) as {
				tables: { row: { describes: Record<string, unknown>[] }[] }[];
			};
			const table = await parseTable(engine, csv, read(csv));
			const rows = expected.tables[0]?.row ?? [];
			rows.forEach((row, r) => {
				for (const [column, value] of Object.entries(row.describes[0] ?? {})) {
					if (typeof value !== 'number') continue;
					const cell = table.rows[r]?.[table.columns.indexOf(column)] ?? null;
					expect(
						parseNumber(cell, table.decimalMark),
						`${column} row ${r + 1}: ${cell}`
					).toBeCloseTo(value, 9);
				}
			});
		});
	}
});
