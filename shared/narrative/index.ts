import type { Check } from '../findings/check';
import { narrativeContradictionCheck } from './contradictions';
import { narrativeTextCheck } from './text-checks';
import { narrativeCompletenessCheck } from './completeness';
import { capped } from './cap';

export * from './numbers';
export * from './sentences';
export * from './quantities';
export * from './statements';
export * from './contradictions';
export * from './text-checks';
export * from './draft';
export * from './completeness';
export * from './cap';

/** The narrative checks the one engine runs (shared/rules/evaluate.ts). */
export const NARRATIVE_CHECKS: readonly Check[] = [narrativeContradictionCheck, narrativeTextCheck, narrativeCompletenessCheck].map(capped);
