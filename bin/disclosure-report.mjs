#!/usr/bin/env node
// The CLI entry: runs the bundle built by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const bundle = fileURLToPath(new URL('../out/cli/main.mjs', import.meta.url));
if (!existsSync(bundle)) {
  console.error('命令行程序尚未构建：请先在项目目录运行 npm run build');
  process.exit(2);
}
await import(bundle);
