import type { ItemSnapshot } from '@okno/shared';
import { api, login } from '@okno/server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signIn, startE2eNode, type E2eEnv } from './browser.js';

let env: E2eEnv;
let browser: Browser;

beforeAll(async () => {
  [env, browser] = await Promise.all([startE2eNode(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('two operators on one live queue', () => {
  it('A claims, B sees it live and is refused by name; B’s comment appears for A', async () => {
    const token = await login(env.url, 'operator1');
    const snap = await api<ItemSnapshot>(env.url, token, '/api/items');
    const item = snap.body.items.find((i) => i.status === 'new' && !i.assignee)!;

    const [ctxA, ctxB] = await Promise.all([browser.newContext({ locale: 'ru-RU' }), browser.newContext({ locale: 'ru-RU' })]);
    const [a, b] = await Promise.all([ctxA.newPage(), ctxB.newPage()]);
    await Promise.all([signIn(a, env.url, 'operator1'), signIn(b, env.url, 'operator2')]);
    for (const page of [a, b]) {
      await page.goto(`${env.url}/items/${item.id}`);
      await page.getByTestId('item-panel').waitFor();
      await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state')).toBe('connected');
    }

    // B is looking at the same item: presence shows it to A.
    await expect.poll(() => a.getByTestId('item-viewers').textContent()).toContain('Кузнецов');

    await a.getByTestId('claim-button').click();
    await expect.poll(() => a.getByTestId('item-assignee').textContent()).toContain('Смирнова');
    // No reload on B's side: the claim arrives over the socket.
    await expect.poll(() => b.getByTestId('item-assignee').textContent(), { timeout: 5000 }).toContain('Смирнова');

    await b.getByTestId('claim-button').click();
    const toast = b.getByTestId('toast');
    await toast.waitFor();
    expect(await toast.getAttribute('role')).toBe('alert');
    expect(await toast.textContent()).toContain('Уже взято в работу: Смирнова');

    const note = `Проверить адрес, звонили повторно ${Date.now()}`;
    await b.getByTestId('comment-input').fill(note);
    await b.getByTestId('comment-submit').click();
    await expect.poll(() => a.getByTestId('timeline').textContent(), { timeout: 5000 }).toContain(note);

    await Promise.all([ctxA.close(), ctxB.close()]);
  }, 90_000);

  it('shows the queue with live arrivals and the connection state', async () => {
    const ctx = await browser.newContext({ locale: 'ru-RU' });
    const page = await ctx.newPage();
    await signIn(page, env.url, 'operator1');
    const rows = page.getByTestId('queue-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    const res = await fetch(`${env.url}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'demo-ingest-key' },
      body: JSON.stringify({
        items: [{ externalId: `e2e-${Date.now()}`, kind: 'incident', channel: 'vk', text: 'E2E: упало дерево на остановке у школы' }],
      }),
    });
    expect(res.status).toBe(200);
    await page.getByTestId('search-input').fill('упало дерево на остановке');
    await expect.poll(() => page.getByTestId('queue-table').textContent(), { timeout: 5000 }).toContain('упало дерево');
    await ctx.close();
  }, 60_000);
});
