// The folder direction of shared/ (docs/DEVELOPERS.md) is enforced by ESLint (eslint.config.js); this proves the rule
// bites: an arrow back, a runtime in shared/ or Node in the renderer fails the lint, an arrow forward passes.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const boundaryErrors = async (file: string, source: string) => {
  const [result] = await eslint.lintText(source, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('layer boundaries (eslint.config.js)', () => {
  it.each([
    ['shared/text/x.ts', "import { CELLS } from '../format/cells';"],
    ['shared/format/x.ts', "import { restore } from '../report/restore';"],
    ['shared/report/x.ts', "import { evaluate } from '../rules/evaluate';"],
    ['shared/report/x.ts', "import type { Finding } from '../findings/finding';"],
    ['shared/findings/x.ts', "import { NARRATIVE_CHECKS } from '../narrative';"],
    ['shared/narrative/x.ts', "import { evaluate } from '../rules/evaluate';"],
    ['shared/rules/x.ts', "import { importReport } from '../import';"],
    ['shared/import/x.ts', "import { consolidate } from '../app/consolidate';"],
    ['shared/export/x.ts', "import { openReportBytes } from '../app/open-report';"],
    ['shared/app/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/report/x.ts', "import { create } from 'zustand';"],
    ['shared/import/x.ts', "import { dialog } from 'electron';"],
    ['shared/rules/x.ts', "import { api } from '../../src-renderer/api';"],
    ['shared/format/x.ts', "import type { ReportApi } from '../ipc';"],
    ['src-renderer/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['src-main/x.ts', "import { useState } from 'react';"],
  ])('%s may not %s', async (file, source) => {
    expect(await boundaryErrors(file, source)).toHaveLength(1);
  });

  it.each([
    ['shared/report/x.ts', "import { CELLS } from '../format/cells';"],
    ['shared/import/x.ts', "import { similarity } from '../text/similarity';"],
    ['shared/narrative/x.ts', "import type { Check } from '../findings/check';"],
    ['shared/rules/x.ts', "import { NARRATIVE_CHECKS } from '../narrative';"],
    ['shared/export/x.ts', "import { IDENTITIES } from '../format/identities';"],
    ['shared/app/x.ts', "import { evaluate } from '../rules/evaluate';"],
    ['src-main/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src-renderer/x.ts', "import { evaluate } from '../shared/rules';"],
  ])('%s may %s', async (file, source) => {
    expect(await boundaryErrors(file, source)).toEqual([]);
  });
});
