/** Header names as Flywheel keeps them: trimmed, never empty, never the same twice. */

export interface RenamedColumn {
	from: string;
	to: string;
	/** 1-based position of the column in the file. */
	position: number;
}

/** Unique names for a header row: a repeated `Revenue` becomes `Revenue_2`, an empty one `column_3`. */
export function uniqueColumnNames(header: string[]): { names: string[]; renamed: RenamedColumn[] } {
	const trimmed = header.map((h, i) => h.replace(/^\uFEFF/, '').trim() || `column_${i + 1}`);
	const taken = new Set<string>();
	const lower = (s: string) => s.toLowerCase();
	// Names used as written come first, so a renamed duplicate never takes a later column's name.
	const firstUse = new Map<string, number>();
	trimmed.forEach((name, i) => {
		if (!firstUse.has(lower(name))) firstUse.set(lower(name), i);
	});
	for (const [name] of firstUse) taken.add(name);
	const renamed: RenamedColumn[] = [];
	const names = trimmed.map((name, i) => {
		if (firstUse.get(lower(name)) === i) return name;
		let n = 2;
		while (taken.has(lower(`${name}_${n}`))) n++;
		const unique = `${name}_${n}`;
		taken.add(lower(unique));
		renamed.push({ from: header[i] ?? '', to: unique, position: i + 1 });
		return unique;
	});
	return { names, renamed };
}
