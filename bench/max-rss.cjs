// Preloaded by bench/review-scale.js into `flywheel` runs: prints the process's peak resident
// set size to stderr as it exits, so the benchmark reads the child's own figure.
process.on('exit', () => {
	process.stderr.write(`max-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
