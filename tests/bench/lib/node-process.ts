/**
 * An Okno node in its own process, as in a deployment: its event loop is not shared with the
 * benchmark's hundreds of client sockets, which would otherwise slow every await on the server.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { NodeOptions } from '@okno/server/testing';

export interface NodeProcess {
  url: string;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
const TSX = pathToFileURL(require.resolve('tsx')).href;
const CHILD = fileURLToPath(new URL('./node-process.child.ts', import.meta.url));

/** Starts a node over the database in a child process; resolves once it listens. */
export function startNodeProcess(databaseUrl: string, options: NodeOptions = {}): Promise<NodeProcess> {
  const child = fork(CHILD, [], {
    execArgv: ['--import', TSX],
    env: { ...process.env, OKNO_BENCH_DB: databaseUrl, OKNO_BENCH_NODE: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`node process exited with ${code} before it was ready`)));
    child.once('message', (m: { url?: string; error?: string }) => {
      if (!m.url) return reject(new Error(`node process failed: ${m.error ?? 'unknown'}`));
      resolve({
        url: m.url,
        async close() {
          if (child.exitCode === null) child.send('close');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        },
      });
    });
  });
}
