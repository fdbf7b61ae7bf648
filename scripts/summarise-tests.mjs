// Prints the closing line CI reads: "N passed, N failed" (the type check counts as one test).
import { readFileSync, existsSync } from 'node:fs';
const [file, typecheckFailed] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(file)) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  skipped = r.numPendingTests + r.numTodoTests;
} else failed = 1;
if (typecheckFailed === '1') failed += 1;
else passed += 1;
if (passed === 0) failed = Math.max(failed, 1);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
