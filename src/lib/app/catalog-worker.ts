/**
 * Reads an imported catalog or WBR App configuration on a worker thread, so a large or hostile
 * file never freezes the page: posts back the configuration, or the message that refused it.
 */
import { loadReviewConfig } from '../metrics/config';

self.onmessage = (event: MessageEvent<{ text: string; fileName: string }>) => {
	const { text, fileName } = event.data;
	try {
		self.postMessage({ config: loadReviewConfig(text, fileName) });
	} catch (error) {
		self.postMessage({ error: error instanceof Error ? error.message : String(error) });
	}
};
