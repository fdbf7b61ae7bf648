import { defineConfig } from 'vitest/config';

// Three projects so the README's one test line runs them all and each can be run alone:
// unit (pure logic, fast), e2e (real Chromium against the built renderer), office (real LibreOffice).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'], environment: 'node', testTimeout: 20_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } },
      {
        test: {
          name: 'office',
          include: ['test/office/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
