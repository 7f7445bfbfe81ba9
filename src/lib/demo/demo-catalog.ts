/** The demo business's catalog (data/demo-catalog.yaml), bundled into the app at build time. */
import catalogText from '../../../data/demo-catalog.yaml?raw';
import { parseCatalog } from '../metrics/catalog';
import type { Catalog } from '../metrics/types';

export function demoCatalog(): Catalog {
	return parseCatalog(catalogText, 'demo-catalog.yaml');
}
