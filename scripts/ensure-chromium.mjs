#!/usr/bin/env node
// Makes sure Chromium is installed for the end-to-end tests (driven by playwright-core with
// executablePath /usr/bin/chromium). Playwright's own browser download is never used: this
// project's machines reach Debian's packages, not browser CDNs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function install() {
  if (process.platform !== 'linux' || !has('apt-get')) {
    fail(`${CHROMIUM} is missing and this is not a Debian-like system with apt-get: install Chromium by hand.`);
  }
  const root = process.getuid?.() === 0;
  if (!root && !has('sudo')) fail(`${CHROMIUM} is missing; installing it needs root or sudo, and neither is available.`);
  // sudo -n never waits for a password: in CI there is nobody to type it.
  const prefix = root ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const steps = [
    ['apt-get', 'update'],
    ['apt-get', '-o', 'DPkg::Lock::Timeout=120', 'install', '-y', '--no-install-recommends', 'chromium'],
  ];
  console.log(`ensure-chromium: ${CHROMIUM} not found, installing the Debian package «chromium»…`);
  for (const step of steps) {
    const [cmd, ...args] = [...prefix, ...step];
    const r = spawnSync(cmd, args, { stdio: 'inherit', env });
    if (r.status !== 0) fail(`\`${[cmd, ...args].join(' ')}\` failed (exit ${r.status ?? r.signal}). Install Chromium by hand: apt-get install -y chromium`);
  }
  if (!existsSync(CHROMIUM)) fail(`apt-get finished but ${CHROMIUM} is still missing.`);
}

if (!existsSync(CHROMIUM)) install();
const version = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
if (version.status !== 0) fail(`${CHROMIUM} is installed but does not run: ${version.stderr || version.error}`);
console.log(`ensure-chromium: ${version.stdout.trim()}`);
