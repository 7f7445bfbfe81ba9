import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { createObservationsTable } from '../store/observations';
import { epochDay } from './epochDays';
import { SourceStore } from '../review/sourceStore';
import { slotsIn, type Grain } from './grain';

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
	await createObservationsTable(engine);
});
afterAll(async () => engine.close());

/** Inserts `metric` with a value on each date. */
async function insert(metric: string, dates: string[]) {
	const rows = dates.map((d) => `(DATE '${d}', '${metric}', 1, 'f.csv')`).join(', ');
	await engine.query(`INSERT INTO observations (date, metric, value, source_file) VALUES ${rows}`);
}

const series = (first: string, count: number, stepDays: number) =>
	Array.from({ length: count }, (_, i) =>
		new Date(Date.parse(first) + i * stepDays * 86_400_000).toISOString().slice(0, 10)
	);

describe('a metric grain read from its dates', () => {
	it('tells daily, weekly and monthly data apart, missing periods and all', async () => {
		await insert(
			'daily',
			series('2024-01-01', 60, 1).filter((_, i) => i % 9 !== 4)
		);
		// Mondays, with week 5 missing.
		await insert(
			'weekly',
			series('2024-01-01', 20, 7).filter((_, i) => i !== 5)
		);
		await insert('monthly first', ['2024-01-01', '2024-02-01', '2024-03-01', '2024-05-01']);
		await insert('monthly last', ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
		await insert('one date', ['2024-03-03']);
		// Monday to Friday, a holiday (Monday 2024-01-15) missing.
		const workdays = series('2024-01-01', 42, 1).filter(
			(d) => ![0, 6].includes(new Date(d).getUTCDay()) && d !== '2024-01-15'
		);
		await insert('business days', workdays);
		// Segments: two rows a day are still one date.
		await insert('segmented', [...series('2024-01-06', 10, 7), ...series('2024-01-06', 10, 7)]);
		const metrics = [
			'daily',
			'weekly',
			'monthly first',
			'monthly last',
			'one date',
			'business days',
			'segmented'
		];
		const store = await SourceStore.build(
			engine,
			{ sources: metrics.map((metric) => ({ metric })), ordered: [] },
			'saturday'
		);
		const found = Object.fromEntries(
			metrics.map((metric, i) => {
				const { grain, weekday } = store.grains[i] ?? { grain: 'none', weekday: -1 };
				return [metric, `${grain}${grain === 'week' ? ` ${weekday}` : ''}`];
			})
		);
		expect(found).toEqual({
			daily: 'day',
			weekly: 'week 1',
			'monthly first': 'month-first',
			'monthly last': 'month-last',
			'one date': 'day',
			'business days': 'weekdays',
			segmented: 'week 6'
		});
	});
});

describe('slots in a period', () => {
	const grains: [Grain, number][] = [
		['day', 0],
		['weekdays', 0],
		...[0, 1, 2, 3, 4, 5, 6].map((weekday): [Grain, number] => ['week', weekday]),
		['month-first', 0],
		['month-last', 0]
	];
	// Periods of 1 to 400 days starting on several weekdays, across month and leap-year ends.
	const periods = [
		['2024-02-25', '2024-03-02'],
		['2024-02-01', '2024-02-28'],
		['2024-03-02', '2024-03-28'],
		['2024-02-26', '2024-02-29'],
		['2024-03-01', '2024-03-01'],
		['2024-01-31', '2024-01-31'],
		['2023-12-31', '2024-01-06'],
		['2024-01-01', '2024-03-31'],
		['2024-04-02', '2024-06-29'],
		['2023-11-26', '2024-12-31'],
		['2024-07-10', '2024-07-12']
	];

	it('counts the dates each grain expects a value on, as listing them does', async () => {
		for (const [grain, weekday] of grains) {
			const slot =
				grain === 'day'
					? 'true'
					: grain === 'weekdays'
						? 'dayofweek(d) BETWEEN 1 AND 5'
						: grain === 'week'
							? `dayofweek(d) = ${weekday}`
							: // A monthly grain: the months wholly inside the period, by their 1sts.
								'dayofmonth(d) = 1 AND last_day(d) <= (SELECT e FROM bounds)';
			for (const [start, end] of periods) {
				const s = `DATE '${start}'`;
				const e = `DATE '${end}'`;
				const result = await engine.query(
					`WITH bounds AS (SELECT ${s} AS s, ${e} AS e) SELECT
						(SELECT count(*) FROM (SELECT CAST(generate_series AS DATE) AS d FROM generate_series(${s}::TIMESTAMP, ${e}::TIMESTAMP, INTERVAL 1 DAY)) WHERE ${slot}) AS listed`
				);
				const { listed } = result.columns;
				const counted = slotsIn(grain, weekday, epochDay(start ?? ''), epochDay(end ?? ''));
				expect([grain, weekday, start, end, counted]).toEqual([
					grain,
					weekday,
					start,
					end,
					listed?.[0]
				]);
			}
		}
	});
});
