/**
 * The seed reports with their narratives: the tables from expected.json (seedReport) and the three
 * narrative sections as the text importer (shared/import/text.ts) reads them from the seed text.
 */
import type { NarrativeId } from '../../shared/format/types';
import { importText } from '../../shared/import/text';
import { createReport, type Report } from '../../shared/report';
import { seedReport, seedText } from './seeds';

/** The narratives of a seed, paragraphs joined with "\n" as the report model keeps them. */
export const seedNarratives = (file: string): Record<NarrativeId, string> => {
  const r = importText(seedText(file));
  if (!r.ok) throw new Error(`${file}: ${r.message}`);
  return r.report.narratives;
};

/** The seed report: tables from expected.json, narratives from the text. */
export const seedReportWithNarratives = (file: string): Report => createReport({ ...seedReport(file), narratives: seedNarratives(file) });
