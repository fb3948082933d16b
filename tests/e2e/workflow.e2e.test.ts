import { resolveRoute, type DirectoryDto } from '@okno/shared';
import { api, login } from '@okno/server/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ingestItems, ingestRatings } from '../integration/workflow-helpers.js';
import { connected, useE2e } from './browser.js';

const e2e = useE2e();

/** The seeded housing committee, and a routing rule that makes it the suggestion for heating in the centre. */
async function housingRoute(): Promise<{ departmentId: number; categoryId: number; territoryId: number }> {
  const admin = await login(e2e.url, 'admin');
  const dir = (await api<DirectoryDto>(e2e.url, admin, '/api/directory')).body;
  const departmentId = dir.departments.find((d) => d.code === 'housing_committee')!.id;
  const categoryId = dir.categories.find((c) => c.code === 'housing.heating')!.id;
  const territoryId = dir.territories.find((t) => t.code === 'kursk.central')!.id;
  const item = { sector: 'housing' as const, categoryId, territoryId };
  if (resolveRoute(dir.routingRules, dir.departments, item)?.departmentId !== departmentId) {
    const res = await api(e2e.url, admin, '/api/routing/rules', { ...item, departmentId });
    expect(res.status).toBe(200);
  }
  return { departmentId, categoryId, territoryId };
}

const status = (page: Page) => page.getByTestId('item-status').getAttribute('data-status');
const answerState = (page: Page) => page.getByTestId('answer-section').getAttribute('data-state');
const queueRow = (page: Page, id: number) => page.locator(`[data-testid="queue-row"][data-item-id="${id}"]`);

describe('the whole workflow loop in two browsers', () => {
  it('routes, drafts, returns, fixes, approves, closes; a rating of 1 reopens it for the department; a re-route takes it away', async () => {
    const started = Date.now();
    const { departmentId } = await housingRoute();
    const externalId = `e2e-workflow-${Date.now()}`;
    const created = await ingestItems(e2e.url, [
      {
        externalId,
        kind: 'message',
        channel: 'pos',
        title: 'E2E: холодные батареи в подъезде',
        text: 'E2E: третий день холодные батареи в подъезде, управляющая компания не отвечает',
        authorName: 'Иванова Мария Петровна',
        sector: 'housing',
        categoryCode: 'housing.heating',
        territoryCode: 'kursk.central',
        address: 'ул. Ленина, 12',
      },
    ]);
    const itemId = created.results[0]!.id;

    const [op, ex] = await Promise.all([e2e.signedIn('operator1'), e2e.signedIn('executor_housing')]);
    // The executor watches what waits for their answer: routed items only.
    await ex.goto(`${e2e.url}/queue?status=routed`);
    await op.goto(`${e2e.url}/items/${itemId}`);
    await Promise.all([connected(op), connected(ex)]);
    expect(await queueRow(ex, itemId).count()).toBe(0);

    // The operator claims and routes to the suggested body, chosen in the dialog already.
    await op.getByTestId('claim-button').click();
    await expect.poll(() => status(op)).toBe('in_work');
    expect(await op.getByTestId('route-suggestion').getAttribute('data-department-id')).toBe(String(departmentId));
    expect(await op.getByTestId('route-suggestion').textContent()).toContain('Рекомендуется: Комитет ЖКХ города Курска');
    await op.getByTestId('route-button').click();
    const chosen = op.locator('[data-testid="route-option"][aria-selected="true"]');
    expect(await chosen.getAttribute('data-department-id')).toBe(String(departmentId));
    await op.getByTestId('route-search').press('Enter');
    await expect.poll(() => status(op)).toBe('routed');
    expect(await op.getByTestId('item-department').textContent()).toContain('Комитет ЖКХ города Курска');

    // The executor's queue shows it live, without a reload.
    await queueRow(ex, itemId).waitFor({ timeout: 5000 });
    await queueRow(ex, itemId).click();
    // The draft starts from a canned answer with the item's facts filled in, plus a file.
    await ex.getByTestId('template-picker').selectOption({ label: 'ЖКХ: неисправность устранена' });
    const draft = await ex.getByTestId('answer-input').inputValue();
    expect(draft).toContain('Здравствуйте, Иванова Мария Петровна!');
    expect(draft).toContain('по адресу ул. Ленина, 12');
    expect(draft).toContain('Ответственный: Комитет ЖКХ города Курска');
    await ex.getByTestId('attachment-input').setInputFiles({ name: 'акт-осмотра.txt', mimeType: 'text/plain', buffer: Buffer.from('Акт осмотра') });
    await ex.getByTestId('answer-attachment').waitFor({ timeout: 5000 });
    await ex.getByTestId('answer-save').click();
    await expect.poll(() => answerState(ex)).toBe('draft');
    await ex.getByTestId('answer-submit').click();
    await expect.poll(() => answerState(ex)).toBe('submitted');
    expect(await ex.getByTestId('answer-return-note').count()).toBe(0);
    await expect.poll(() => queueRow(ex, itemId).count()).toBe(0);

    // The operator sees the answer arrive for review and returns it with a remark.
    await expect.poll(() => status(op), { timeout: 5000 }).toBe('answer_review');
    expect(await op.getByTestId('answer-text').textContent()).toContain('неисправность устранена');
    const file = op.getByTestId('answer-attachment').locator('a');
    expect(await file.textContent()).toBe('акт-осмотра.txt');
    const download = await op.request.get(`${e2e.url}${await file.getAttribute('href')}`);
    expect(await download.text()).toBe('Акт осмотра');
    await op.getByTestId('return-button').click();
    await op.getByTestId('return-comment').fill('Укажите дату и время восстановления отопления');
    await op.getByTestId('return-submit').click();
    await expect.poll(() => status(op)).toBe('routed');

    // The executor sees it returned once, fixes it and sends it again.
    await expect.poll(() => ex.getByTestId('answer-returned-count').textContent(), { timeout: 5000 }).toContain('возвращён 1 раз');
    // The reviewer's comment stands beside the answer being reworked.
    expect(await ex.getByTestId('answer-return-note').textContent()).toContain('Укажите дату и время восстановления отопления');
    await queueRow(ex, itemId).waitFor({ timeout: 5000 });
    await ex.getByTestId('answer-input').fill('Уважаемая Мария Петровна! Отопление восстановлено 12 января в 14:00.');
    await ex.getByTestId('answer-submit').click();
    await expect.poll(() => answerState(ex)).toBe('submitted');

    // The operator approves (sent through the item's channel) and closes as resolved.
    await expect.poll(() => op.getByTestId('answer-text').textContent(), { timeout: 5000 }).toContain('12 января');
    await op.getByTestId('approve-button').click();
    await expect.poll(() => status(op)).toBe('answered');
    expect(await op.getByTestId('item-status').textContent()).toBe('Ответ направлен');
    await expect.poll(() => op.getByTestId('answer-state').textContent()).toContain('одобрен и направлен через «ПОС»');
    await op.getByTestId('close-button').click();
    await op.getByTestId('close-result-resolved').check();
    await op.getByTestId('close-submit').click();
    await expect.poll(() => status(op)).toBe('closed');
    expect(await op.getByTestId('item-close-result').getAttribute('data-result')).toBe('resolved');

    // The citizen rates the answer 1 through the ingest API: the item reopens for the department.
    const unreadBefore = Number((await ex.getByTestId('notification-count').getAttribute('data-count')) ?? 0);
    const rated = await ingestRatings(e2e.url, [{ externalId, score: 1, comment: 'Батареи снова холодные' }]);
    expect(rated.results[0]).toMatchObject({ ok: true, itemId });
    await expect.poll(() => status(op), { timeout: 5000 }).toBe('routed');
    expect(await op.getByTestId('item-rating').getAttribute('data-score')).toBe('1');
    await queueRow(ex, itemId).waitFor({ timeout: 5000 });
    await expect
      .poll(() => ex.getByTestId('notification-count').getAttribute('data-count').then(Number), { timeout: 5000 })
      .toBeGreaterThan(unreadBefore);
    await ex.getByTestId('notification-bell').click();
    await expect.poll(() => ex.getByTestId('notification-item').first().textContent()).toContain('Низкая оценка');

    // Re-routed to another body (a reason is required then), it leaves the executor's replica live.
    await op.getByTestId('route-button').click();
    await op.getByTestId('route-search').fill('Водоканал');
    expect(await op.getByTestId('route-submit').isDisabled()).toBe(true);
    await op.getByTestId('route-reason').fill('Авария на магистральной сети водоканала');
    await op.getByTestId('route-submit').click();
    await expect.poll(() => op.getByTestId('item-department').textContent()).toContain('Водоканал');
    await expect.poll(() => queueRow(ex, itemId).count(), { timeout: 5000 }).toBe(0);
    await expect.poll(() => ex.getByTestId('item-panel').textContent()).toContain('Запись не найдена или недоступна');

    await Promise.all([op.context().close(), ex.context().close()]);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
