/** `flywheel review`: not implemented yet. */
export async function review(): Promise<number> {
	console.error('flywheel review: not implemented yet');
	return 1;
}
