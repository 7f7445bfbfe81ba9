/** Quotes an identifier (a column or table name) for DuckDB SQL. */
export function ident(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB SQL; prefer `?` parameters where the statement allows them. */
export function literal(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}
