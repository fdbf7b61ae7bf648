// Prints the closing line CI reads: "N passed, N failed" (the type check and the lint count as one test each).
import { readFileSync, existsSync } from 'node:fs';
const [file, ...gates] = process.argv.slice(2);
let passed = 0;
let failed;
let skipped = 0;
if (existsSync(file)) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  skipped = r.numPendingTests + r.numTodoTests;
} else failed = 1;
// Each gate (type check, lint) is passed as its exit status: '0' passed, anything else failed.
for (const gate of gates) {
  if (gate === '0') passed += 1;
  else failed += 1;
}
if (passed === 0) failed = Math.max(failed, 1);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
