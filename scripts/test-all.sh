#!/usr/bin/env bash
# The one test line of the README (and of CI): installs what the tests need, builds, and runs
# the unit, end-to-end (Chromium) and office (LibreOffice) tests; ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
export FONTCONFIG_FILE="$PWD/assets/fonts/fonts.conf"
bash scripts/install-test-deps.sh || { echo "无法安装测试所需的系统软件包 (apt)"; echo "0 passed, 1 failed"; exit 1; }
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi
mkdir -p .tmp
if ! npm run -s build; then echo "build failed"; echo "0 passed, 1 failed"; exit 1; fi
# Four TypeScript projects: shared/ without DOM or Node, the renderer without Node, main and the CLI without DOM,
# and everything (tests, benchmarks) together. One test in the closing line.
typecheck=0
for p in tsconfig.shared.json tsconfig.renderer.json tsconfig.main.json tsconfig.json; do npx tsc --noEmit -p "$p" || typecheck=1; done
# ESLint (layer boundaries, backtracking patterns, line length) and Prettier: one test in the closing line.
if ! npm run -s lint; then lint=1; else lint=0; fi
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json "$@"
status=$?
node scripts/summarise-tests.mjs .tmp/vitest.json "$typecheck" "$lint"
summary=$?
[ $status -eq 0 ] && [ $summary -eq 0 ] && [ $typecheck -eq 0 ] && [ $lint -eq 0 ]
