import type { DirectoryDto, ItemDetail } from '@okno/shared';
import { api, login } from '@okno/server/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { claimAndRoute, ingestItems, query } from '../integration/workflow-helpers.js';
import { connected, useE2e } from './browser.js';

const e2e = useE2e();

const answerState = (page: Page) => page.getByTestId('answer-section').getAttribute('data-state');

/** QA repro #277: an incident without an address, routed to the housing committee. */
async function routedWithoutAddress(): Promise<number> {
  const created = await ingestItems(e2e.url, [
    {
      externalId: `e2e-template-${Date.now()}`,
      kind: 'incident',
      channel: 'vk',
      title: 'E2E: течёт крыша',
      text: 'E2E: после дождя течёт крыша над пятым этажом',
      authorName: 'Петров Илья',
      sector: 'housing',
    },
  ]);
  const id = created.results[0]!.id;
  const [operator, head] = await Promise.all([login(e2e.url, 'operator1'), login(e2e.url, 'head')]);
  const dir = (await api<DirectoryDto>(e2e.url, head, '/api/directory')).body;
  await claimAndRoute(e2e.url, operator, head, id, dir.departments.find((d) => d.code === 'housing_committee')!.id);
  return id;
}

describe('template placeholders left in an answer', () => {
  it('warns the executor and holds the submit back until the placeholder is filled; the reviewer cannot approve one either', async () => {
    const itemId = await routedWithoutAddress();
    const ex = await e2e.signedIn('executor_housing');
    await ex.goto(`${e2e.url}/items/${itemId}`);
    await connected(ex);

    await ex.getByTestId('template-picker').selectOption({ label: 'ЖКХ: неисправность устранена' });
    const draft = await ex.getByTestId('answer-input').inputValue();
    expect(draft).toContain('Здравствуйте, Петров Илья!');
    expect(draft).toContain('по адресу {{адрес}} проведено обследование');
    const warning = ex.getByTestId('answer-unfilled');
    await warning.waitFor();
    expect(await warning.getAttribute('data-placeholders')).toBe('адрес');
    expect(await warning.textContent()).toBe('В ответе остались незаполненные поля шаблона: {{адрес}}. Заполните их перед отправкой.');
    expect(await ex.getByTestId('answer-submit').isDisabled()).toBe(true);

    // A draft with the gap may be saved, to finish later.
    await ex.getByTestId('answer-save').click();
    await expect.poll(() => answerState(ex)).toBe('draft');
    expect(await ex.getByTestId('answer-submit').isDisabled()).toBe(true);

    // Typing a placeholder by hand warns as well; filling every one clears the warning.
    await ex.getByTestId('answer-input').fill(`${draft} Срок: {{срок}}.`);
    await expect.poll(() => warning.getAttribute('data-placeholders')).toBe('адрес,срок');
    await ex.getByTestId('answer-input').fill(draft.replace('{{адрес}}', 'ул. Садовая, 3'));
    await expect.poll(() => warning.count()).toBe(0);
    expect(await ex.getByTestId('answer-submit').isEnabled()).toBe(true);
    await ex.getByTestId('answer-submit').click();
    await expect.poll(() => answerState(ex)).toBe('submitted');
    // The card changes at once; wait for the server to have taken it before leaving.
    const head = await login(e2e.url, 'head');
    await expect.poll(async () => (await api<ItemDetail>(e2e.url, head, `/api/items/${itemId}`)).body.item.status).toBe('answer_review');
    await ex.context().close();

    // An answer sent for review before this check existed still holds a placeholder.
    await query(e2e.env.db.url, 'update item_answer set text = $1 where item_id = $2', [draft, itemId]);
    const op = await e2e.signedIn('operator1');
    await op.goto(`${e2e.url}/items/${itemId}`);
    await connected(op);
    const review = op.getByTestId('review-unfilled');
    await review.waitFor();
    expect(await review.textContent()).toBe('В ответе остались незаполненные поля шаблона: {{адрес}}. Верните ответ на доработку.');
    expect(await op.getByTestId('approve-button').isDisabled()).toBe(true);
    expect(await op.getByTestId('return-button').isEnabled()).toBe(true);
    await op.context().close();
  }, 60_000);
});
