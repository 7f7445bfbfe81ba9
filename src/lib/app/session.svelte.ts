/**
 * The app's one engine session: starts DuckDB lazily in the browser, exposes its start-up
 * progress and any failure as state the page can show.
 */
import type { Engine, StartProgress } from '../engine/types';

export type SessionStatus = 'idle' | 'starting' | 'ready' | 'failed';

export class EngineSession {
	status = $state<SessionStatus>('idle');
	progress = $state.raw<StartProgress>({ bytesLoaded: 0, bytesTotal: 0 });
	error = $state<string | null>(null);
	/** Milliseconds from the start request to the engine answering its first query. */
	startedInMs = $state<number | null>(null);
	#engine: Promise<Engine> | null = null;

	/** The running engine, started on first use. */
	engine(): Promise<Engine> {
		this.#engine ??= this.#start();
		return this.#engine;
	}

	async #start(): Promise<Engine> {
		const began = performance.now();
		this.status = 'starting';
		try {
			// Imported here, not at the top: the engine's code and wasm load only when needed.
			const { startBrowserEngine } = await import('../engine/browser');
			const engine = await startBrowserEngine((progress) => (this.progress = progress));
			this.startedInMs = performance.now() - began;
			this.status = 'ready';
			// For the benchmark: engine ready → first review drawn (bench/review-switch.js).
			performance.mark('flywheel:engine-ready');
			return engine;
		} catch (error) {
			this.status = 'failed';
			this.error = error instanceof Error ? error.message : String(error);
			throw error;
		}
	}
}

export const session = new EngineSession();
