#!/usr/bin/env node
// `pnpm bench NAME [args…]` runs tests/bench/NAME.ts (or tests/bench/NAME/index.ts) with tsx,
// passing the remaining arguments through and exiting with the bench's own exit code.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:os';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'tests', 'bench');
const tsx = join(root, 'tests', 'node_modules', '.bin', 'tsx');

function availableBenches() {
  if (!existsSync(benchDir)) return [];
  return readdirSync(benchDir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isDirectory()) return existsSync(join(benchDir, entry.name, 'index.ts')) ? [entry.name] : [];
      // Files starting with «_» and tests are helpers, not benches.
      const isBench = entry.name.endsWith('.ts') && !entry.name.startsWith('_') && !/\.(test|d)\.ts$/.test(entry.name);
      return isBench ? [entry.name.slice(0, -3)] : [];
    })
    .sort();
}

function usage(message) {
  const benches = availableBenches();
  console.error(`bench: ${message}`);
  console.error(`Usage: pnpm bench NAME [args…]\nAvailable benches: ${benches.length ? benches.join(', ') : '(none in tests/bench)'}`);
  process.exit(2);
}

const [name, ...args] = process.argv.slice(2);
if (!name) usage('no bench named.');
if (!/^[A-Za-z0-9_-]+$/.test(name)) usage(`«${name}» is not a bench name (letters, digits, «-» and «_»).`);
const file = [join(benchDir, `${name}.ts`), join(benchDir, name, 'index.ts')].find((f) => existsSync(f));
if (!file) usage(`unknown bench «${name}».`);
if (!existsSync(tsx)) {
  console.error(`bench: ${tsx} is missing; run \`pnpm install\` first.`);
  process.exit(2);
}

const child = spawn(tsx, [file, ...args], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the bench through the terminal; a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`bench: could not start tsx: ${error.message}`);
  process.exit(2);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 1));
});
