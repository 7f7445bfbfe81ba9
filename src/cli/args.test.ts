/**
 * The command line's conventions without running it: argument parsing, the mapping options'
 * checks (the messages a user reads), and the help each command prints.
 */
import { describe, expect, it } from 'vitest';
import { parseCommandArgs, UsageError } from './args';
import { COMMANDS, commandHelp, commandSpec, MAPPING_OPTIONS, overview } from './commands';
import { mappingOptions } from './mapping-options';

const inspect = commandSpec('inspect')!;
const review = commandSpec('review')!;
const parse = (...args: string[]) => parseCommandArgs(inspect, args);
const usageError = (f: () => unknown) => {
	try {
		f();
	} catch (error) {
		expect(error).toBeInstanceOf(UsageError);
		return (error as Error).message;
	}
	throw new Error('no usage error');
};

describe('parseCommandArgs', () => {
	it('reads flags, --name VALUE, --name=VALUE, repeated options and files in any order', () => {
		expect(
			parse(
				'a.csv',
				'--json',
				'--segment',
				'Platform',
				'--layout=long',
				'b.csv',
				'--segment=Country'
			)
		).toEqual({
			values: { json: true, segment: ['Platform', 'Country'], layout: 'long' },
			positionals: ['a.csv', 'b.csv']
		});
	});

	it('takes everything after -- as a file, even --help', () => {
		expect(parse('--json', '--', '--help', '-x.csv')).toEqual({
			values: { json: true },
			positionals: ['--help', '-x.csv']
		});
	});

	it('reads -h and --help as help, not as a file name', () => {
		expect(parse('a.csv', '--help').values.help).toBe(true);
		expect(parse('-h').values.help).toBe(true);
	});

	it('says what is wrong in one line', () => {
		expect(usageError(() => parse('--bogus'))).toBe('unknown option --bogus');
		expect(usageError(() => parse('-x'))).toBe('unknown option -x');
		expect(usageError(() => parse('--json=yes'))).toBe('--json takes no value');
		expect(usageError(() => parse('--layout'))).toBe('--layout needs a value: wide|long');
		expect(usageError(() => parse('--date-column', '--json'))).toBe(
			'--date-column needs a value: NAME'
		);
		// --config is review's, not inspect's.
		expect(usageError(() => parse('--config', 'c.yaml'))).toBe('unknown option --config');
		expect(parseCommandArgs(review, ['--config', 'c.yaml']).values).toEqual({ config: 'c.yaml' });
	});
});

describe('mapping options', () => {
	it('turns names into the mapping’s values', () => {
		const options = mappingOptions(
			parse(
				'--delimiter',
				'semicolon',
				'--encoding',
				'latin1',
				'--header-line',
				'3',
				'--date-order',
				'dmy',
				'--layout',
				'long',
				'--metric-column',
				'Criterion',
				'--value-column',
				'Value',
				'--segment',
				'Platform',
				'--date-column',
				'Day'
			)
		);
		expect(options).toEqual({
			given: true,
			reading: { delimiter: ';', encoding: 'windows-1252', headerLine: 3, maxFileBytes: Infinity },
			choices: {
				layout: 'long',
				dateColumn: 'Day',
				metricColumns: ['Criterion'],
				valueColumn: 'Value',
				segmentColumns: ['Platform'],
				dateOrder: 'DMY'
			}
		});
		expect(mappingOptions(parse('--delimiter', 'tab')).reading.delimiter).toBe('\t');
		expect(mappingOptions(parse('--delimiter=|')).reading.delimiter).toBe('|');
		expect(mappingOptions(parse('a.csv')).given).toBe(false);
	});

	it('refuses a value the upload page does not offer, saying which ones it does', () => {
		const message = (...args: string[]) => usageError(() => mappingOptions(parse(...args)));
		expect(message('--layout', 'diagonal')).toBe('--layout must be wide or long, not "diagonal"');
		expect(message('--delimiter', '#')).toBe(
			'--delimiter must be comma, semicolon, tab or pipe, not "#"'
		);
		expect(message('--encoding', 'ebcdic')).toBe(
			'--encoding must be utf-8, utf-16le, utf-16be, windows-1252, shift_jis, euc-kr or gb18030, not "ebcdic"'
		);
		expect(message('--date-order', 'YDM')).toBe('--date-order must be YMD, MDY or DMY, not "YDM"');
		expect(message('--header-line', '0')).toBe(
			'--header-line must be a line number (1, 2, ...), not "0"'
		);
		expect(message('--header-line', 'two')).toBe(
			'--header-line must be a line number (1, 2, ...), not "two"'
		);
		expect(message('--layout', 'long', '--metric-column', 'a', '--metric-column', 'b')).toBe(
			'a long file has one --metric-column, the column naming each row’s metric'
		);
		expect(message('--layout', 'wide', '--value-column', 'v')).toBe(
			'--value-column is for a long file; a wide file has a column per metric (--metric-column)'
		);
	});
});

describe('help', () => {
	it('lists every command, the version and the exit codes', () => {
		const text = overview('9.9.9');
		expect(text.split('\n')[0]).toBe(
			'flywheel 9.9.9: a weekly business review from CSV metric exports, on your machine'
		);
		expect(text).toContain('\n  inspect    what Flywheel understood');
		expect(text).toContain('\n  review     the weekly business review');
		expect(text).toContain('\n  evidence   which declared input → output links the data supports');
		expect(text).toContain('\n  --version, -V  the version');
		expect(text).toContain('\n  0  done\n  1  a file could not be read');
		expect(text).toContain('\n  2  the command line is wrong');
	});

	it('gives every command its options, aligned, and an example that parses', () => {
		for (const spec of COMMANDS) {
			const text = commandHelp(spec);
			expect(text).toContain(`\nUsage: flywheel ${spec.name} FILE...`);
			for (const option of spec.options)
				expect(text, option.name).toMatch(new RegExp(`\\n  --${option.name}\\b`));
			// The mapping options' descriptions all start in one column.
			const starts = text
				.split('\n')
				.filter((l) => MAPPING_OPTIONS.some((o) => l.startsWith(`  --${o.name} `)))
				.map((l) => /^ {2}--\S+( \S+)? +/.exec(l)?.[0].length);
			expect(starts).toHaveLength(MAPPING_OPTIONS.length);
			expect(new Set(starts).size).toBe(1);
			const examples = text
				.slice(text.indexOf('Examples:'))
				.split('\n')
				.slice(1, spec.examples.length + 1);
			expect(examples.length).toBeGreaterThan(0);
			for (const example of examples) {
				const [program, command, ...args] = example.trim().split(/\s+/);
				expect([program, command]).toEqual(['flywheel', spec.name]);
				expect(parseCommandArgs(spec, args).positionals.length, example).toBeGreaterThan(0);
			}
		}
	});
});
