import type { ItemDto, ItemSnapshot } from '@okno/shared';
import { api, login, mutationId } from '@okno/server/testing';
import { describe, expect, it } from 'vitest';
import { ingestItems } from '../integration/workflow-helpers.js';
import { connected, useE2e } from './browser.js';

const e2e = useE2e();

/** `n` new items from the demo source whose texts carry `marker`, to find them by search. */
async function ingest(marker: string, n: number): Promise<void> {
  const items = Array.from({ length: n }, (_, i) => ({
    externalId: `${marker}-${i}`,
    kind: 'message',
    channel: 'pos',
    text: `${marker}: не вывезен мусор у дома ${i + 1}`,
  }));
  await ingestItems(e2e.url, items);
}

describe('working together faster', () => {
  it('ticks 3 rows with the keyboard, claims them in bulk and shows what succeeded and what was refused', async () => {
    const marker = `bulk${Date.now()}`;
    await ingest(marker, 3);
    const page = await e2e.signedIn('operator1');
    await connected(page);

    // A shared saved view applies its filters; resetting them leaves the whole queue again.
    await page.getByTestId('views-button').click();
    await page.getByTestId('view-item').filter({ hasText: 'Новые без исполнителя' }).getByRole('button').first().click();
    await expect.poll(() => new URL(page.url()).search).toBe('?status=new&assignee=none');
    await page.getByRole('button', { name: 'Сбросить фильтры' }).first().click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    // A search narrows the queue to the three new items.
    await page.getByTestId('search-input').fill(marker);
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(3);
    await page.getByTestId('search-input').press('Escape');

    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('j');
      await page.keyboard.press('x');
    }
    await expect.poll(() => page.getByTestId('bulk-bar').getAttribute('data-count')).toBe('3');
    const ids = await page.locator('[data-testid="queue-row"][data-ticked="true"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-item-id'))));
    expect(ids).toHaveLength(3);

    // Meanwhile a colleague takes the second one.
    const other = await login(e2e.url, 'operator2');
    const taken = await api(e2e.url, other, `/api/items/${ids[1]}/claim`, { mutationId: mutationId() });
    expect(taken.status).toBe(200);

    await page.getByTestId('bulk-claim').click();
    const result = page.getByTestId('bulk-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('2');
    expect(await result.getAttribute('data-refused')).toBe('1');
    const refused = page.getByTestId('bulk-refused');
    expect(await refused.getAttribute('data-item-id')).toBe(String(ids[1]));
    expect(await refused.textContent()).toContain('Уже взято в работу: Кузнецов Артём Игоревич');
    await page.keyboard.press('Escape');
    await result.waitFor({ state: 'detached' });
    // The claimed rows are unticked; the refused one stays ticked for another try.
    await expect.poll(() => page.getByTestId('bulk-bar').getAttribute('data-count')).toBe('1');
    expect(await page.locator('[data-testid="queue-row"][data-ticked="true"]').getAttribute('data-item-id')).toBe(String(ids[1]));

    // Keys act on the cursor row through its card: e opens the escalation dialog, m the comment box.
    await page.keyboard.press('e');
    await page.getByTestId('escalate-dialog').waitFor();
    expect(await page.getByTestId('item-panel').getAttribute('data-item-id')).toBe(String(ids[2]));
    await page.keyboard.press('Escape');
    await page.getByTestId('escalate-dialog').waitFor({ state: 'detached' });
    await page.keyboard.press('m');
    await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("data-testid")')).toBe('comment-input');
    await page.getByTestId('comment-input').press('Escape');
    await page.getByTestId('comment-input').blur();

    // The shortcut sheet lists the keys, in Russian.
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-sheet').waitFor();
    expect(await page.getByTestId('shortcut-sheet').textContent()).toContain('Отметить строку');
    await page.context().close();
  }, 90_000);

  it('shows who is typing, and a mention reaches the other operator’s bell live and leads to the item', async () => {
    const token = await login(e2e.url, 'operator1');
    const snap = await api<ItemSnapshot>(e2e.url, token, '/api/items');
    const item: ItemDto = snap.body.items.find((i) => i.status === 'new' && i.departmentId === null)!;

    const [a, b] = await Promise.all([e2e.signedIn('operator1'), e2e.signedIn('operator2')]);
    await Promise.all([connected(a), connected(b)]);
    await a.goto(`${e2e.url}/items/${item.id}`);
    await b.goto(`${e2e.url}/items/${item.id}`);
    await Promise.all([a.getByTestId('item-panel').waitFor(), b.getByTestId('item-panel').waitFor()]);
    await Promise.all([connected(a), connected(b)]);
    await expect.poll(() => a.getByTestId('item-viewers').textContent()).toContain('Кузнецов');
    const before = Number(await b.getByTestId('notification-count').getAttribute('data-count'));

    // A types an @mention with the autocomplete (keyboard only); B sees A typing.
    const box = a.getByTestId('comment-input');
    await box.click();
    await box.pressSequentially('Коллега @кузн');
    await a.getByTestId('mention-list').waitFor();
    expect(await a.getByTestId('mention-option').first().getAttribute('data-login')).toBe('operator2');
    await box.press('Enter');
    await box.pressSequentially('проверьте адрес');
    expect(await box.inputValue()).toBe('Коллега @operator2 проверьте адрес');
    await expect.poll(() => b.getByTestId('typing-comment').textContent(), { timeout: 5000 }).toBe('Смирнова О. печатает комментарий…');
    await box.press('Control+Enter');

    await expect.poll(() => b.getByTestId('notification-count').getAttribute('data-count'), { timeout: 5000 }).toBe(String(before + 1));
    await b.getByTestId('notification-bell').click();
    const note = b.locator('[data-testid="notification-item"][data-kind="mentioned"]').first();
    expect(await note.textContent()).toContain(`Смирнова Ольга Викторовна упомянул(а) вас в №${item.id}: Коллега @operator2 проверьте адрес`);
    // After a reload the notification is still there; a click leads to the item and marks it read.
    await b.goto(`${e2e.url}/queue`);
    await b.getByTestId('notification-bell').click();
    await b.locator('[data-testid="notification-item"][data-kind="mentioned"] .notif-open').first().click();
    await expect.poll(() => new URL(b.url()).pathname).toBe(`/items/${item.id}`);
    await b.getByTestId('item-panel').waitFor();
    await expect.poll(() => b.getByTestId('notification-count').getAttribute('data-count')).toBe(String(before));
    await Promise.all([a.context().close(), b.context().close()]);
  }, 90_000);
});
