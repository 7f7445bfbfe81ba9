/**
 * Flywheel's command line. Each command lives in its own module and returns an exit status;
 * errors go to stderr as one line and a non-zero status.
 */
export type Command = (args: string[]) => Promise<number>;

const USAGE = `Usage:
  flywheel inspect FILE... [--json]                     what Flywheel understood of each file
  flywheel review FILE.csv... --config CONFIG.yaml [--week-ending YYYY-MM-DD] [--json]
  flywheel evidence FILE.csv... --config CATALOG.yaml [--week-ending YYYY-MM-DD] [--json]
                                                        which declared links the data supports`;

async function loadCommand(name: string): Promise<Command | undefined> {
	switch (name) {
		case 'inspect':
			return (await import('./inspect')).inspect;
		case 'review':
			return (await import('./review')).review;
		case 'evidence':
			return (await import('./evidence')).evidence;
		default:
			return undefined;
	}
}

export async function main(argv: string[]): Promise<number> {
	const [name, ...args] = argv;
	if (!name || name === '--help' || name === '-h') {
		console.log(USAGE);
		return name ? 0 : 2;
	}
	const command = await loadCommand(name);
	if (!command) {
		console.error(`flywheel: unknown command "${name}"\n${USAGE}`);
		return 2;
	}
	try {
		return await command(args);
	} catch (error) {
		console.error(`flywheel ${name}: ${error instanceof Error ? error.message : String(error)}`);
		return 1;
	}
}
