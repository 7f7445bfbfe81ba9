// Preloaded by bench/review-scale.js into `flywheel` runs: prints the process's peak resident
// set size to stderr as it exits, so the benchmark reads the child's own figure. Linux's VmHWM
// belongs to this program's memory alone; `maxRSS` (getrusage) also keeps the peak of the process
// that spawned it, from before the program started.
import { readFileSync } from 'node:fs';

process.on('exit', () => {
	let kb = process.resourceUsage().maxRSS;
	try {
		const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
		if (peak) kb = Number(peak[1]);
	} catch {
		// Not Linux: getrusage's figure.
	}
	process.stderr.write(`max-rss-kb ${kb}\n`);
});
