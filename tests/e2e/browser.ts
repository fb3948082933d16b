import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, startNode, type NodeOptions, type TestDatabase } from '@okno/server/testing';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

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
export async function startE2eNode(env: Record<string, string> = {}, options: Omit<NodeOptions, 'env'> = {}): Promise<E2eEnv> {
  if (!existsSync(`${CLIENT_DIST}/index.html`)) throw new Error(`client not built at ${CLIENT_DIST}: run pnpm --filter @okno/client build`);
  const db = await createTestDatabase();
  const node = await startNode(db.url, { ...options, env: { OKNO_CLIENT_DIR: CLIENT_DIST, ...env } });
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

/**
 * Signs in through the login form and waits for the landing screen: the queue, or for people
 * without one (meeting members) any element that only a signed-in page has.
 */
export async function signIn(page: Page, url: string, login: string, landing = 'queue-table'): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-input').fill(login);
  await page.getByTestId('password-input').fill('okno-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId(landing).waitFor();
}

export interface E2e {
  readonly env: E2eEnv;
  readonly url: string;
  readonly browser: Browser;
  /** A new context (Russian locale unless told otherwise) with one page, signed in as `login`. */
  signedIn(login: string, options?: { landing?: string; context?: BrowserContextOptions }): Promise<Page>;
}

/**
 * One node and one Chromium for the test file: started in beforeAll, closed in afterAll with
 * every context `signedIn` opened (tests close theirs when done; this catches a failed one).
 */
export function useE2e(nodeEnv: Record<string, string> = {}, nodeOptions: Omit<NodeOptions, 'env'> = {}): E2e {
  let env: E2eEnv | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [env, browser] = await Promise.all([startE2eNode(nodeEnv, nodeOptions), launchChromium()]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await env?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useE2e: used before its beforeAll ran');
    return value;
  };
  return {
    get env() {
      return started(env);
    },
    get url() {
      return started(env).url;
    },
    get browser() {
      return started(browser);
    },
    async signedIn(login, options = {}) {
      const context = await started(browser).newContext(options.context ?? { locale: 'ru-RU' });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, started(env).url, login, options.landing);
      return page;
    },
  };
}

/** Waits until the page's socket is connected. */
export const connected = (page: Page): Promise<void> =>
  expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state')).toBe('connected');

/** Waits for the toast, checks it is announced as an alert, and returns its text. */
export async function alertText(page: Page): Promise<string> {
  const toast = page.getByTestId('toast');
  await toast.waitFor();
  expect(await toast.getAttribute('role')).toBe('alert');
  return (await toast.textContent()) ?? '';
}
