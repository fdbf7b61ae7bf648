// npm run bench: runs every benchmark under bench/ (bench/*.bench.ts), each printing its figures with their targets.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
const only = process.argv[2];
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f}`);
  const r = spawnSync('npx', ['tsx', `bench/${f}`], { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--expose-gc' } });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
