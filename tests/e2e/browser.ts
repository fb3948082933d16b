import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, startNode, type TestDatabase } from '@okno/server/testing';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.OKNO_CHROMIUM ?? '/usr/bin/chromium';
const CLIENT_DIST = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../client/dist');

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run node scripts/ensure-chromium.mjs`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface E2eEnv {
  url: string;
  db: TestDatabase;
  node: Awaited<ReturnType<typeof startNode>>;
  close(): Promise<void>;
}

/** A real node serving the built client over a fresh database. */
export async function startE2eNode(env: Record<string, string> = {}): Promise<E2eEnv> {
  if (!existsSync(`${CLIENT_DIST}/index.html`)) throw new Error(`client not built at ${CLIENT_DIST}: run pnpm --filter @okno/client build`);
  const db = await createTestDatabase();
  const node = await startNode(db.url, { env: { OKNO_CLIENT_DIR: CLIENT_DIST, ...env } });
  return {
    url: node.url,
    db,
    node,
    async close() {
      await node.close();
      await db.drop();
    },
  };
}

/** Signs in through the login form and waits for the queue. */
export async function signIn(page: Page, url: string, login: string, password = 'okno-demo'): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-input').fill(login);
  await page.getByTestId('password-input').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('queue-table').waitFor();
}
