import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createReport, type Report } from '../../shared/report';
import expected from '../fixtures/seeds/expected.json';

export const SEEDS_DIR = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));
export const SEED_FILES = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
export type SeedExpectation = (typeof expected.reports)[keyof typeof expected.reports];
export const seedExpectation = (file: string): SeedExpectation => (expected.reports as Record<string, SeedExpectation>)[file]!;
export const seedText = (file: string): string => readFileSync(join(SEEDS_DIR, file), 'utf8');

/** The seed's expected values as a report (for tests that need a real, consistent report without reading text). */
export const seedReport = (file: string): Report => {
  const e = seedExpectation(file);
  return createReport({ agency: e.agency, year: e.year, cells: e.cells as Record<string, number | string>, settings: { autoTotals: false } });
};
