/**
 * Corrections to a mapping, as the upload page's editor and the CLI's options make them: what
 * becomes of the column a choice takes a role from, and what cannot be chosen.
 */
import { describe, expect, it } from 'vitest';
import { applyMappingChoices, MappingChoiceError, withMetricNameColumn } from './mapping-edit';
import type { Mapping } from './types';

/** `Date,Criterion,Platform,Value` as the preview reads it: long, Criterion names the metric. */
const social: Mapping = {
	encoding: 'utf-8',
	gzip: false,
	delimiter: ',',
	headerLine: 1,
	columns: ['Date', 'Criterion', 'Platform', 'Value', 'Note'],
	layout: 'long',
	dateColumn: 'Date',
	dateOrder: 'YMD',
	decimalMark: '.',
	metricColumns: [],
	metricNameColumn: 'Criterion',
	valueColumn: 'Value',
	segmentColumns: ['Platform'],
	ignoredColumns: ['Note']
};

describe('mapping corrections', () => {
	it('picks another metric-name column; the one it replaces becomes a segment', () => {
		expect(withMetricNameColumn(social, 'Platform')).toMatchObject({
			layout: 'long',
			metricNameColumn: 'Platform',
			segmentColumns: ['Criterion'],
			ignoredColumns: ['Note']
		});
		// An ignored column can name the metric too; it is no longer ignored.
		expect(withMetricNameColumn(social, 'Note')).toMatchObject({
			metricNameColumn: 'Note',
			segmentColumns: ['Criterion', 'Platform'],
			ignoredColumns: []
		});
	});

	it('reads a long file wide: the value column is the metric, the name column a segment', () => {
		expect(applyMappingChoices(social, { layout: 'wide' })).toMatchObject({
			layout: 'wide',
			metricColumns: ['Value'],
			metricNameColumn: null,
			valueColumn: null,
			segmentColumns: ['Criterion', 'Platform']
		});
	});

	it('reads a wide file long: its one number column the value, its first segment the name', () => {
		const wide = applyMappingChoices(social, { layout: 'wide' });
		expect(applyMappingChoices(wide, { layout: 'long' })).toEqual(social);
	});

	it('moves the date to another column and leaves the old one out', () => {
		expect(applyMappingChoices(social, { dateColumn: 'Note' })).toMatchObject({
			dateColumn: 'Note',
			ignoredColumns: ['Date']
		});
	});

	it('keeps only the segments named; a segment left out is not loaded', () => {
		expect(applyMappingChoices(social, { segmentColumns: ['Note'] })).toMatchObject({
			segmentColumns: ['Note'],
			ignoredColumns: ['Platform']
		});
	});

	it('refuses a column the file does not have, listing those it has', () => {
		expect(() => applyMappingChoices(social, { valueColumn: 'Amount' })).toThrow(
			new MappingChoiceError(
				'"Amount" is not a column; the columns are "Date", "Criterion", "Platform", "Value", "Note"'
			)
		);
	});
});
