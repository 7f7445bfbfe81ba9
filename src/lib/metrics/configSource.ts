/**
 * A parsed YAML (or JSON, which is YAML) configuration that remembers where each field was
 * written, so every error names the file, the line and the field.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export type FieldPath = (string | number)[];

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
		this.document = parseDocument(text, { lineCounter: this.lines, uniqueKeys: false });
		for (const error of this.document.errors) {
			this.issues.push({
				line: error.linePos?.[0]?.line,
				field: '',
				message: error.message.split('\n')[0] ?? error.message
			});
		}
		this.value = this.document.errors.length ? undefined : this.document.toJS();
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
