/**
 * A parsed YAML (or JSON, which is YAML) configuration that remembers where each field was
 * written, so every error names the file, the line and the field.
 */
import { formatBytes } from '../ingest/limits';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export type FieldPath = (string | number)[];

/**
 * The largest catalog read: real catalogs are under 1 MB (2,000 metrics are about 0.5 MB), and a
 * file of tens of MB takes minutes and gigabytes to parse.
 */
export const MAX_CATALOG_BYTES = 5 * 1024 * 1024;

export function tooLargeMessage(bytes: number): string {
	return `the file is ${formatBytes(bytes)}; Flywheel reads catalogs up to ${formatBytes(MAX_CATALOG_BYTES)} (real ones are under 1 MB). Is it the right file?`;
}

export interface ConfigIssue {
	/** 1-based line in the file, when known. */
	line?: number;
	/** The field, e.g. `metrics.PageViews.aggf` or `metrics[2].unit`. */
	field: string;
	message: string;
}

/** Every problem found in a configuration file, each with its line and field. */
export class ConfigError extends Error {
	constructor(
		readonly fileName: string,
		readonly issues: ConfigIssue[]
	) {
		super(
			issues
				.map(
					(i) =>
						`${fileName}${i.line ? `:${i.line}` : ''}: ${i.field ? `${i.field}: ` : ''}${i.message}`
				)
				.join('\n')
		);
		this.name = 'ConfigError';
	}
}

export function fieldName(path: FieldPath): string {
	return path.reduce<string>(
		(name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${key}` : key),
		''
	);
}

export class ConfigSource {
	readonly issues: ConfigIssue[] = [];
	readonly value: unknown;
	private readonly document: Document;
	private readonly lines = new LineCounter();

	constructor(
		readonly fileName: string,
		text: string
	) {
		// Too large for a catalog: said at once, not after minutes of parsing.
		if (text.length > MAX_CATALOG_BYTES) {
			this.document = parseDocument('');
			this.issues.push({ field: '', message: tooLargeMessage(text.length) });
			this.value = undefined;
			return;
		}
		this.document = parseDocument(text, { lineCounter: this.lines, uniqueKeys: false });
		for (const error of this.document.errors) {
			this.issues.push({
				line: error.linePos?.[0]?.line,
				field: '',
				message: error.message.split('\n')[0] ?? error.message
			});
		}
		this.value = this.document.errors.length ? undefined : this.toValue();
	}

	/** The document's value; a file whose aliases would multiply beyond reason is refused. */
	private toValue(): unknown {
		try {
			return this.document.toJS();
		} catch (error) {
			// The yaml library's guard against "billion laughs" files (an alias of an alias of ...).
			if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
			this.issues.push({
				field: '',
				message:
					'the file repeats its aliases (*name) so often that reading it would take more memory than any catalog needs, so it was not read; write the repeated fields out, or use fewer aliases'
			});
			return undefined;
		}
	}

	/** The line a field is written on; for a missing field, the line of its nearest parent. */
	lineOf(path: FieldPath): number | undefined {
		for (let length = path.length; length >= 0; length--) {
			const node = this.document.getIn(path.slice(0, length), true);
			if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
			// A key with an empty value (`metric:`) has no value node; point at the key instead.
			const parent = this.document.getIn(path.slice(0, length - 1), true);
			if (length > 0 && isMap(parent)) {
				const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[length - 1]);
				if (pair && isScalar(pair.key) && pair.key.range)
					return this.lines.linePos(pair.key.range[0]).line;
			}
			if (length > 0 && isSeq(parent)) continue;
		}
		return undefined;
	}

	problem(path: FieldPath, message: string): void {
		this.issues.push({ line: this.lineOf(path), field: fieldName(path), message });
	}

	/** Throws every problem found so far, if any. */
	check(): void {
		if (this.issues.length) throw new ConfigError(this.fileName, this.issues);
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
