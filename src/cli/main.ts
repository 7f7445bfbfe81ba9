/**
 * Flywheel's command line. `flywheel` alone or `--help` lists the commands, `--version` says
 * which, `flywheel COMMAND --help` shows a command's options; none of these loads DuckDB. Each
 * command lives in its own module, loaded when it runs, and returns an exit status: 0 done, 1 a
 * file or configuration could not be read, 2 the command line is wrong (`EXIT_CODES`). Each error
 * goes to stderr as one line.
 */
import packageJson from '../../package.json';
import { parseCommandArgs, UsageError, type ParsedArgs } from './args';
import { COMMANDS, commandHelp, commandSpec, overview } from './commands';

export type Command = (args: ParsedArgs) => Promise<number>;

async function loadCommand(name: string): Promise<Command | undefined> {
	switch (name) {
		case 'inspect':
			return (await import('./inspect')).inspect;
		case 'review':
			return (await import('./review')).review;
		case 'evidence':
			return (await import('./evidence')).evidence;
		case 'narrative':
			return (await import('./narrative')).narrative;
		default:
			return undefined;
	}
}

/**
 * A failure's problems, one per line: a configuration's `ConfigError` lists every issue on a line
 * of its own (`file:line: field: reason`); blank lines are dropped.
 */
function problemsOf(error: unknown): string[] {
	const message = error instanceof Error ? error.message : String(error);
	const lines = message.split('\n').map((line) => line.trim());
	return lines.filter(Boolean).length ? lines.filter(Boolean) : ['failed'];
}

export async function main(argv: string[]): Promise<number> {
	const [name, ...args] = argv;
	const asking = name === 'help' ? args[0] : undefined;
	if (name === undefined || name === '--help' || name === '-h' || (name === 'help' && !asking)) {
		console.log(overview(packageJson.version));
		return 0;
	}
	if (name === '--version' || name === '-V' || name === '-v') {
		console.log(`flywheel ${packageJson.version}`);
		return 0;
	}
	const spec = commandSpec(asking ?? name);
	if (!spec) {
		const commands = COMMANDS.map((c) => c.name).join(', ');
		console.error(
			`flywheel: unknown command "${asking ?? name}"; the commands are ${commands} (flywheel --help)`
		);
		return 2;
	}
	if (asking) {
		console.log(commandHelp(spec));
		return 0;
	}
	try {
		const parsed = parseCommandArgs(spec, args);
		if (parsed.values.help) {
			console.log(commandHelp(spec));
			return 0;
		}
		const command = (await loadCommand(name)) as Command;
		return await command(parsed);
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`flywheel ${name}: ${error.message} (flywheel ${name} --help)`);
			return 2;
		}
		for (const problem of problemsOf(error)) console.error(`flywheel ${name}: ${problem}`);
		return 1;
	}
}
