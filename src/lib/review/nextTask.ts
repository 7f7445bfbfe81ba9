/**
 * Gives the event loop a turn between the steps of a long computation, so that on the page a
 * review of hundreds of metrics never holds the main thread for long (input and drawing go on).
 * `scheduler.yield()` where the browser has it, else a message to itself: both resume at once,
 * unlike a nested `setTimeout(0)`, which browsers hold back 4 ms. In Node, `setImmediate`.
 */
interface Scheduler {
	yield?: () => Promise<void>;
}

export function nextTask(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
	if (scheduler?.yield) return scheduler.yield();
	if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => resolve();
		channel.port2.postMessage(null);
	});
}
