// `npm test`: every check the project has, in order, stopping at the first failure.
// lint → format → types → build (e2e serves dist/) → unit, interop and e2e tests in one vitest run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';

const CHROMIUM_HINT =
  'No Chromium found for the browser tests: run `sudo apt-get install -y chromium` (Debian) or set CHROMIUM_PATH=/path/to/chromium.';

function chromiumFound() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].some(
    (p) => p && existsSync(p),
  );
}

function run(label, cmd, args) {
  const t0 = Date.now();
  process.stdout.write(`\n▶ ${label}\n`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' },
  });
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${label} failed (${s} s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${label} (${s} s)`);
}

const bin = (name) => `node_modules/.bin/${name}`;

if (!chromiumFound()) {
  console.error(CHROMIUM_HINT);
  process.exit(1);
}
run('lint (eslint)', bin('eslint'), ['.']);
run('format (prettier --check)', bin('prettier'), ['--check', '.']);
run('types (svelte-check)', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings']);
run('build (vite build)', bin('vite'), ['build', '--logLevel', 'warn']);
mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const t = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  { stdio: 'inherit', env: process.env },
);
let summary = '';
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  summary = `${j.numPassedTests} passed, ${j.numFailedTests} failed, ${j.numPendingTests + j.numTodoTests} skipped`;
}
console.log(`\n${summary || 'vitest wrote no report'}`);
process.exit(t.status ?? 1);
