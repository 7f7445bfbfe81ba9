/**
 * The mapping options (`--layout`, `--date-column`, ..., see `MAPPING_OPTIONS`): checked as the
 * command line is read, then applied to each file's detected mapping exactly as the upload page's
 * editor changes it (`applyMappingChoices`), so a file reads the same from both.
 */
import { applyMappingChoices, type MappingChoices } from '../lib/ingest/mapping-edit';
import { previewFile, type ReadingChoices } from '../lib/ingest/mapping';
import type {
	DateOrder,
	Delimiter,
	Encoding,
	Layout,
	Mapping,
	RepeatRule
} from '../lib/ingest/types';
import { listOption, stringOption, UsageError, type ParsedArgs } from './args';

const DELIMITERS: Record<string, Delimiter> = {
	comma: ',',
	',': ',',
	semicolon: ';',
	';': ';',
	tab: '\t',
	'\t': '\t',
	'\\t': '\t',
	pipe: '|',
	'|': '|'
};

const ENCODINGS: Record<string, Encoding> = {
	'utf-8': 'utf-8',
	utf8: 'utf-8',
	'utf-16le': 'utf-16le',
	'utf-16be': 'utf-16be',
	'windows-1252': 'windows-1252',
	cp1252: 'windows-1252',
	latin1: 'windows-1252',
	'latin-1': 'windows-1252',
	'iso-8859-1': 'windows-1252',
	shift_jis: 'shift_jis',
	'shift-jis': 'shift_jis',
	sjis: 'shift_jis',
	'euc-kr': 'euc-kr',
	gb18030: 'gb18030',
	gbk: 'gb18030',
	gb2312: 'gb18030'
};

export interface MappingOptions {
	reading: ReadingChoices;
	choices: MappingChoices;
	/** Whether any mapping option was given (otherwise every file is read as detected). */
	given: boolean;
}

function oneOf<T>(
	option: string,
	value: string | undefined,
	allowed: Record<string, T>,
	say: string
): T | undefined {
	if (value === undefined) return undefined;
	const found = allowed[value] ?? allowed[value.toLowerCase()];
	if (found === undefined) throw new UsageError(`--${option} must be ${say}, not "${value}"`);
	return found;
}

/** The mapping options of a command line, each value checked; a bad one is a `UsageError`. */
export function mappingOptions(parsed: ParsedArgs): MappingOptions {
	const headerText = stringOption(parsed, 'header-line');
	if (headerText !== undefined && !/^[1-9][0-9]*$/.test(headerText))
		throw new UsageError(`--header-line must be a line number (1, 2, ...), not "${headerText}"`);
	const reading: ReadingChoices = {
		delimiter: oneOf(
			'delimiter',
			stringOption(parsed, 'delimiter'),
			DELIMITERS,
			'comma, semicolon, tab or pipe'
		),
		encoding: oneOf(
			'encoding',
			stringOption(parsed, 'encoding'),
			ENCODINGS,
			'utf-8, utf-16le, utf-16be, windows-1252, shift_jis, euc-kr or gb18030'
		),
		headerLine: headerText === undefined ? undefined : Number(headerText),
		// Native DuckDB spills to disk: no browser tab's limit.
		maxFileBytes: Infinity
	};
	const choices: MappingChoices = {
		layout: oneOf<Layout>(
			'layout',
			stringOption(parsed, 'layout'),
			{ wide: 'wide', long: 'long' },
			'wide or long'
		),
		dateColumn: stringOption(parsed, 'date-column'),
		metricColumns: listOption(parsed, 'metric-column'),
		valueColumn: stringOption(parsed, 'value-column'),
		segmentColumns: listOption(parsed, 'segment'),
		dateOrder: oneOf<DateOrder>(
			'date-order',
			stringOption(parsed, 'date-order')?.toUpperCase(),
			{ YMD: 'YMD', MDY: 'MDY', DMY: 'DMY' },
			'YMD, MDY or DMY'
		),
		repeats: oneOf<RepeatRule>(
			'repeats',
			stringOption(parsed, 'repeats'),
			{ sum: 'sum', first: 'first', last: 'last', reject: 'reject' },
			'sum, first, last or reject'
		)
	};
	if (choices.layout === 'wide' && choices.valueColumn !== undefined)
		throw new UsageError(
			'--value-column is for a long file; a wide file has a column per metric (--metric-column)'
		);
	if (choices.layout === 'long' && (choices.metricColumns?.length ?? 0) > 1)
		throw new UsageError(
			'a long file has one --metric-column, the column naming each row’s metric'
		);
	// The size limit is the command line's own, not a choice made for the files.
	const read = [reading.delimiter, reading.encoding, reading.headerLine];
	const given = [...read, ...Object.values(choices)].some((v) => v !== undefined);
	return { reading, choices, given };
}

/**
 * Each file's mapping with the options applied (by file name, for `ingestFiles`), or why it cannot
 * be: the file names in `errors`, each with its one-line reason.
 */
export async function mappingsFor(
	inputs: { name: string; data: Uint8Array }[],
	options: MappingOptions
): Promise<{ mappings: Record<string, Mapping>; errors: Map<string, string> }> {
	const mappings: Record<string, Mapping> = {};
	const errors = new Map<string, string>();
	if (!options.given) return { mappings, errors };
	for (const input of inputs) {
		try {
			const { mapping } = await previewFile(input.name, input.data, options.reading);
			mappings[input.name] = applyMappingChoices(mapping, options.choices);
		} catch (error) {
			errors.set(input.name, error instanceof Error ? error.message : String(error));
		}
	}
	return { mappings, errors };
}
