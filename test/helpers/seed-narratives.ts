/**
 * The seed reports with their narratives: the tables from expected.json (seedReport) and the three
 * narrative sections cut from the seed text by the format's own headings (markdown # allowed).
 */
import { SECTIONS } from '../../shared/format/sections';
import type { NarrativeId } from '../../shared/format/types';
import { createReport, type Report } from '../../shared/report';
import { seedReport, seedText } from './seeds';

const bare = (line: string) => line.replace(/^#+\s*/, '').replace(/\s+/g, '').trim();
const headingKey = (h: string) => h.replace(/\s+/g, '');

/** Sections of a seed text by heading; paragraphs joined with "\n" as the report model keeps them. */
export const seedNarratives = (file: string): Record<NarrativeId, string> => {
  const lines = seedText(file).split(/\r?\n/);
  const headings = SECTIONS.map((s) => headingKey(s.heading));
  const out: Record<string, string[]> = {};
  let current: string | null = null;
  for (const line of lines) {
    const i = headings.indexOf(bare(line));
    if (i >= 0) {
      const s = SECTIONS[i]!;
      current = s.kind === 'narrative' ? s.id : null;
      if (current) out[current] = [];
      continue;
    }
    if (current && line.trim()) out[current]!.push(line.trim());
  }
  return {
    overview: (out.overview ?? []).join('\n'),
    problems: (out.problems ?? []).join('\n'),
    other_matters: (out.other_matters ?? []).join('\n'),
  };
};

/** The seed report: tables from expected.json, narratives from the text. */
export const seedReportWithNarratives = (file: string): Report => {
  const r = seedReport(file);
  return createReport({ ...r, narratives: seedNarratives(file) });
};
