/**
 * Gives the event loop a turn between the steps of a long computation, so that on the page a
 * review of hundreds of metrics never holds the main thread for long (input and drawing go on).
 */
export function nextTask(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}
