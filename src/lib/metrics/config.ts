/** A review configuration file: Flywheel's own catalog, or a WBR App configuration as it is. */
import { parseCatalog } from './catalog';
import { ConfigSource } from './configSource';
import { deckFromCatalog } from './deck';
import type { Catalog, Deck } from './types';
import { isWbrAppConfig, loadWbrAppConfig } from './wbrAppConfig';

export interface ReviewConfig {
	catalog: Catalog;
	deck: Deck;
	format: 'wbr-app' | 'catalog';
}

export function loadReviewConfig(text: string, fileName: string): ReviewConfig {
	const source = new ConfigSource(fileName, text);
	source.check();
	if (isWbrAppConfig(source.value))
		return { ...loadWbrAppConfig(text, fileName), format: 'wbr-app' };
	const catalog = parseCatalog(text, fileName);
	return { catalog, deck: deckFromCatalog(catalog), format: 'catalog' };
}
