// Runs the end-to-end tests with Node's test runner, after checking the built app and Chromium
// are where the tests expect them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { CHROMIUM } from '../../scripts/chromium.js';

if (!existsSync('build/index.html')) {
	console.error('No built app in build/: run `npm run build` first.');
	process.exit(1);
}
if (!existsSync(CHROMIUM)) {
	console.error(
		`Chromium not found at ${CHROMIUM}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`
	);
	process.exit(1);
}
const files = readdirSync('tests/e2e')
	.filter((f) => f.endsWith('.test.js'))
	.map((f) => `tests/e2e/${f}`);
const result = spawnSync(
	process.execPath,
	['--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
	{
		stdio: 'inherit'
	}
);
process.exit(result.status ?? 1);
