/** `flywheel inspect`: not implemented yet. */
export async function inspect(): Promise<number> {
	console.error('flywheel inspect: not implemented yet');
	return 1;
}
