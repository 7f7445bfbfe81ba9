/**
 * What each command accepts and says about itself: its options, its help and an example. Plain
 * data, so `flywheel --help` and `flywheel COMMAND --help` load no DuckDB and no ingest code.
 */

export interface OptionSpec {
	name: string;
	/** What the value is, shown in the help (`FILE`, `wide|long`); absent for a flag. */
	value?: string;
	/** May be given more than once (`--segment A --segment B`). */
	multiple?: boolean;
	help: string;
}

export interface CommandSpec {
	name: string;
	summary: string;
	usage: string;
	options: OptionSpec[];
	examples: string[];
}

/** How a file is read when the guess is wrong: the upload page's mapping, for every FILE given. */
export const MAPPING_OPTIONS: OptionSpec[] = [
	{
		name: 'layout',
		value: 'wide|long',
		help: 'wide: a column per metric; long: metric-name and value columns'
	},
	{ name: 'date-column', value: 'NAME', help: 'the column holding the dates' },
	{
		name: 'metric-column',
		value: 'NAME',
		multiple: true,
		help: 'long: the column naming each row’s metric; wide: a column loaded as a metric (repeat it)'
	},
	{ name: 'value-column', value: 'NAME', help: 'long: the column holding the values' },
	{
		name: 'segment',
		value: 'NAME',
		multiple: true,
		help: 'a column that splits the metrics (repeat it); other text columns are not loaded'
	},
	{
		name: 'delimiter',
		value: 'CHAR',
		help: 'comma, semicolon, tab or pipe (or , ; |): the field separator'
	},
	{
		name: 'encoding',
		value: 'NAME',
		help: 'utf-8, utf-16le, utf-16be, windows-1252 (latin1), shift_jis, euc-kr or gb18030 (gbk): the text encoding'
	},
	{
		name: 'date-order',
		value: 'YMD|MDY|DMY',
		help: 'how numeric dates read: 05/01/2024 is 1 May in DMY'
	},
	{ name: 'header-line', value: 'N', help: 'the 1-based line of the header row' },
	{
		name: 'repeats',
		value: 'sum|first|last|reject',
		help: 'a date on more than one row of a wide file: added up (default), first or last row kept, or rejected'
	}
];

const HELP: OptionSpec = { name: 'help', help: 'this help' };

export const COMMANDS: CommandSpec[] = [
	{
		name: 'inspect',
		summary: 'what Flywheel understood of each CSV export, and every row it did not load',
		usage: 'flywheel inspect FILE... [options]',
		options: [
			{
				name: 'json',
				help: 'print the ingest report as JSON (src/lib/ingest/README.md) on stdout'
			},
			...MAPPING_OPTIONS,
			HELP
		],
		examples: [
			'flywheel inspect sales.csv',
			'flywheel inspect social.csv --layout long --metric-column Criterion --segment Platform --json'
		]
	},
	{
		name: 'review',
		summary: 'the weekly business review of CSV exports: exceptions, then every metric',
		usage: 'flywheel review FILE... [--config CONFIG.yaml] [options]',
		options: [
			{
				name: 'config',
				value: 'FILE',
				help: 'a Flywheel catalog or a WBR App configuration; without it the catalog is guessed from the data, as the app does'
			},
			{
				name: 'week-ending',
				value: 'YYYY-MM-DD',
				help: 'the week to review (default: the last full week in the data)'
			},
			{ name: 'json', help: 'print the review JSON (src/lib/review/README.md) on stdout' },
			...MAPPING_OPTIONS,
			HELP
		],
		examples: [
			'flywheel review orders.csv',
			'flywheel review orders.csv --config catalog.yaml --week-ending 2026-11-21 --json'
		]
	},
	{
		name: 'evidence',
		summary:
			'which declared input → output links the data supports, with their lag, and the links it suggests',
		usage: 'flywheel evidence FILE... [--config CATALOG.yaml] [options]',
		options: [
			{
				name: 'config',
				value: 'FILE',
				help: 'a Flywheel catalog, whose `drives` are the declared links; without one, only suggestions'
			},
			{
				name: 'week-ending',
				value: 'YYYY-MM-DD',
				help: 'the last week of the history judged (default: the last full week in the data)'
			},
			{ name: 'json', help: 'print the evidence JSON (src/lib/evidence/README.md) on stdout' },
			...MAPPING_OPTIONS,
			HELP
		],
		examples: [
			'flywheel evidence weekly.csv --config catalog.yaml',
			'flywheel evidence weekly.csv --config catalog.yaml --week-ending 2026-11-21 --json'
		]
	},
	{
		name: 'narrative',
		summary: 'the review written as prose: the headline, a paragraph per exception, what behaved',
		usage: 'flywheel narrative FILE... [--config CONFIG.yaml] [options]',
		options: [
			{
				name: 'config',
				value: 'FILE',
				help: 'a Flywheel catalog or a WBR App configuration; without it the catalog is guessed from the data'
			},
			{
				name: 'week-ending',
				value: 'YYYY-MM-DD',
				help: 'the week to review (default: the last full week in the data)'
			},
			{
				name: 'view',
				value: 'operational|strategic',
				help: 'the weekly review (default) or the monthly one'
			},
			{ name: 'html', help: 'a self-contained HTML file on stdout instead of Markdown' },
			...MAPPING_OPTIONS,
			HELP
		],
		examples: [
			'flywheel narrative orders.csv --config catalog.yaml > review.md',
			'flywheel narrative orders.csv --config catalog.yaml --view strategic --html > review.html'
		]
	}
];

/** Exit statuses, the same for every command. */
export const EXIT_CODES = [
	'0  done',
	'1  a file could not be read, or a configuration or column choice is wrong',
	'2  the command line is wrong (unknown command or option, a bad value)'
];

export function commandSpec(name: string): CommandSpec | undefined {
	return COMMANDS.find((c) => c.name === name);
}

function flag(option: OptionSpec): string {
	return `--${option.name}${option.value ? ` ${option.value}` : ''}`;
}

/** Two columns, the second starting where the widest first one ends. */
function aligned(rows: [string, string][], indent = '  '): string[] {
	const width = Math.max(...rows.map(([left]) => left.length));
	return rows.map(([left, right]) => `${indent}${left.padEnd(width)}  ${right}`);
}

/** `flywheel` alone and `flywheel --help`: the commands, the exit codes, where to read more. */
export function overview(version: string): string {
	return [
		`flywheel ${version}: a weekly business review from CSV metric exports, on your machine`,
		'',
		'Usage: flywheel COMMAND [options]',
		'',
		'Commands:',
		...aligned(COMMANDS.map((c) => [c.name, c.summary])),
		'',
		'Options:',
		...aligned([
			['--help, -h', 'this help; `flywheel COMMAND --help` for a command’s options'],
			['--version, -V', 'the version']
		]),
		'',
		'Exit status:',
		...EXIT_CODES.map((line) => `  ${line}`),
		'',
		'Errors are one line on stderr: the file, the line when there is one, and the reason.'
	].join('\n');
}

/** `flywheel COMMAND --help`. */
export function commandHelp(spec: CommandSpec): string {
	const mapping = new Set(MAPPING_OPTIONS);
	const own = spec.options.filter((o) => !mapping.has(o));
	const lines = [
		`flywheel ${spec.name}: ${spec.summary}`,
		'',
		`Usage: ${spec.usage}`,
		'',
		'Options:',
		...aligned(own.map((o) => [flag(o), o.help]))
	];
	if (spec.options.some((o) => mapping.has(o)))
		lines.push(
			'',
			'How to read each FILE, when the guess is wrong (as on the upload page):',
			...aligned(MAPPING_OPTIONS.map((o) => [flag(o), o.help]))
		);
	lines.push(
		'',
		'Examples:',
		...spec.examples.map((e) => `  ${e}`),
		'',
		'Exit status:',
		...EXIT_CODES.map((l) => `  ${l}`)
	);
	return lines.join('\n');
}
