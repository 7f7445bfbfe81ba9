/**
 * A command's arguments by its `OptionSpec`s: `--name VALUE` or `--name=VALUE`, flags without a
 * value, repeatable options, `--` before file names that start with a dash. Anything else is a
 * `UsageError`, which `main` prints as one line and exits 2.
 */
import type { CommandSpec } from './commands';

/** The command line itself is wrong (exit status 2). */
export class UsageError extends Error {}

export interface ParsedArgs {
	/** Flags are `true`; repeatable options are lists; the others the last value given. */
	values: Record<string, string | string[] | true>;
	positionals: string[];
}

export function parseCommandArgs(spec: CommandSpec, args: string[]): ParsedArgs {
	const values: ParsedArgs['values'] = {};
	const positionals: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] as string;
		if (arg === '--') {
			positionals.push(...args.slice(i + 1));
			break;
		}
		if (arg === '-h') {
			values.help = true;
			continue;
		}
		if (!arg.startsWith('--')) {
			if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown option ${arg}`);
			positionals.push(arg);
			continue;
		}
		const equals = arg.indexOf('=');
		const name = arg.slice(2, equals < 0 ? undefined : equals);
		const option = spec.options.find((o) => o.name === name);
		if (!option) throw new UsageError(`unknown option --${name}`);
		if (!option.value) {
			if (equals >= 0) throw new UsageError(`--${name} takes no value`);
			values[name] = true;
			continue;
		}
		let value: string;
		if (equals >= 0) value = arg.slice(equals + 1);
		else {
			const next = args[i + 1];
			if (next === undefined || next.startsWith('--'))
				throw new UsageError(`--${name} needs a value: ${option.value}`);
			value = next;
			i++;
		}
		if (option.multiple) {
			const list = values[name];
			values[name] = [...(Array.isArray(list) ? list : []), value];
		} else values[name] = value;
	}
	return { values, positionals };
}

/** The value of a single-valued option, if given. */
export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
	const value = parsed.values[name];
	return typeof value === 'string' ? value : undefined;
}

/** The values of a repeatable option, if given. */
export function listOption(parsed: ParsedArgs, name: string): string[] | undefined {
	const value = parsed.values[name];
	return Array.isArray(value) ? value : undefined;
}
