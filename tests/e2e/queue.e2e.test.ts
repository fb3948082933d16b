import type { ItemSnapshot } from '@okno/shared';
import { api, login } from '@okno/server/testing';
import { describe, expect, it } from 'vitest';
import { ingestItems } from '../integration/workflow-helpers.js';
import { alertText, connected, useE2e } from './browser.js';

const e2e = useE2e();

describe('two operators on one live queue', () => {
  it('A claims, B sees it live and is refused by name; B’s comment appears for A', async () => {
    const token = await login(e2e.url, 'operator1');
    const snap = await api<ItemSnapshot>(e2e.url, token, '/api/items');
    const item = snap.body.items.find((i) => i.status === 'new' && !i.assignee)!;

    const [a, b] = await Promise.all([e2e.signedIn('operator1'), e2e.signedIn('operator2')]);
    for (const page of [a, b]) {
      await page.goto(`${e2e.url}/items/${item.id}`);
      await page.getByTestId('item-panel').waitFor();
      await connected(page);
    }

    // B is looking at the same item: presence shows it to A.
    await expect.poll(() => a.getByTestId('item-viewers').textContent()).toContain('Кузнецов');

    await a.getByTestId('claim-button').click();
    await expect.poll(() => a.getByTestId('item-assignee').textContent()).toContain('Смирнова');
    // No reload on B's side: the claim arrives over the socket.
    await expect.poll(() => b.getByTestId('item-assignee').textContent(), { timeout: 5000 }).toContain('Смирнова');

    await b.getByTestId('claim-button').click();
    expect(await alertText(b)).toContain('Уже взято в работу: Смирнова');

    const note = `Проверить адрес, звонили повторно ${Date.now()}`;
    await b.getByTestId('comment-input').fill(note);
    // The refusal's toast must not cover the comment box: the click does not wait for it to go.
    await b.getByTestId('comment-submit').click({ timeout: 2000 });
    await expect.poll(() => a.getByTestId('timeline').textContent(), { timeout: 5000 }).toContain(note);

    await Promise.all([a.context().close(), b.context().close()]);
  }, 90_000);

  it('shows the queue with live arrivals and the connection state', async () => {
    const page = await e2e.signedIn('operator1');
    const rows = page.getByTestId('queue-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    await ingestItems(e2e.url, [{ externalId: `e2e-${Date.now()}`, kind: 'incident', channel: 'vk', text: 'E2E: упало дерево на остановке у школы' }]);
    await page.getByTestId('search-input').fill('упало дерево на остановке');
    await expect.poll(() => page.getByTestId('queue-table').textContent(), { timeout: 5000 }).toContain('упало дерево');
    await page.context().close();
  }, 60_000);

  it('fits an office monitor and a laptop without sideways scrolling, with and without the card', async () => {
    const page = await e2e.signedIn('operator1', { context: { viewport: { width: 1366, height: 768 } } });
    const overflow = () => page.locator('.qt-body').evaluate((el) => el.scrollWidth - el.clientWidth);
    const shown = (id: string) => page.locator(`.qt-head .col-${id}`).first().isVisible();
    for (const width of [1366, 1440, 1920]) {
      await page.setViewportSize({ width, height: 800 });
      await expect.poll(overflow).toBeLessThanOrEqual(0);
      expect(await shown('assignee')).toBe(true);
      expect(await shown('channel')).toBe(width >= 1600);
    }
    await page.getByTestId('queue-row').first().click();
    await page.getByTestId('item-panel').waitFor();
    for (const width of [1366, 1440, 1920]) {
      await page.setViewportSize({ width, height: 800 });
      await expect.poll(overflow).toBeLessThanOrEqual(0);
      expect(await shown('status')).toBe(true);
    }
    await page.context().close();
  }, 60_000);
});
