/**
 * `flywheel narrative` as a user runs it: the demo business's review, written as Markdown or as
 * one HTML file (the figures against the review JSON: src/lib/export/narrative.test.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCsv } from '../../data/generate-demo.js';

const run = (...args: string[]) =>
	promisify(execFile)(process.execPath, ['bin/flywheel.js', ...args], {
		maxBuffer: 64 * 1024 * 1024
	});
let folder: string;
let DEMO: string[];
// The demo business, generated as the build does (a fresh clone has no static/demo yet).
beforeAll(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'flywheel-narrative-'));
	const csv = path.join(folder, 'observations.csv');
	writeFileSync(csv, generateDemoCsv());
	DEMO = [csv, '--config', 'data/demo-catalog.yaml'];
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('flywheel narrative', () => {
	it('writes the operational review of the week as prose: its headline and a section per exception', async () => {
		const { stdout: markdown } = await run('narrative', ...DEMO, '--week-ending', '2026-11-21');
		expect(markdown.split('\n')[0]).toBe('# Weekly business review: week ending 21 Nov 2026');
		// The operational deck: the 17 metrics the catalog shows in that view.
		const headline = /^(\d+) of (\d+) metrics need attention; (\d+) behaved as expected\.$/m.exec(
			markdown
		);
		expect(headline?.slice(1).map(Number)).toEqual([6, 17, 11]);
		const headings = markdown.split('\n').filter((line) => line.startsWith('### '));
		expect(headings).toHaveLength(6);
		expect(headings[0]).toBe('### On-time delivery (input, Logistics)');
		expect(markdown).toContain(
			'On-time delivery was **86.1%** this week, below its expected band of 93.1% to 95% (bad news)'
		);
	});

	it('writes one HTML file with --html, and the monthly view with --view strategic', async () => {
		const { stdout } = await run('narrative', ...DEMO, '--view', 'strategic', '--html');
		expect(stdout.startsWith('<!doctype html>')).toBe(true);
		expect(stdout).toContain('<h1>Monthly business review: Oct 2026</h1>');
		expect(stdout).not.toMatch(/<script|src=|href=/);
	});

	it('is a usage error (exit 2) for an unknown view', async () => {
		await expect(run('narrative', ...DEMO, '--view', 'weekly')).rejects.toMatchObject({
			code: 2,
			stderr: expect.stringContaining('--view must be operational or strategic, not "weekly"')
		});
	});
});
