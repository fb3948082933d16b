import type { DirectoryDto, ItemDetail } from '@okno/shared';
import { api, login } from '@okno/server/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimAndRoute, ingestItems, ingestRatings, mutateItem } from '../integration/workflow-helpers.js';
import { connected, useE2e } from './browser.js';

const e2e = useE2e();

const tokens: Record<string, string> = {};
let housing = 0;
let operatorId = 0;

beforeAll(async () => {
  for (const who of ['operator1', 'executor_housing', 'head']) tokens[who] = await login(e2e.url, who);
  const dir = (await api<DirectoryDto>(e2e.url, tokens.head!, '/api/directory')).body;
  housing = dir.departments.find((d) => d.code === 'housing_committee')!.id;
  operatorId = dir.users.find((u) => u.login === 'operator1')!.id;
});

let counter = 0;
async function incident(): Promise<{ id: number; externalId: string }> {
  const externalId = `e2e-actions-${Date.now()}-${++counter}`;
  const made = await ingestItems(e2e.url, [
    { externalId, kind: 'incident', channel: 'vk', sector: 'housing', text: 'E2E: прорвало трубу в подвале, вода во дворе' },
  ]);
  return { id: made.results[0]!.id, externalId };
}

const mutate = (who: string, id: number, action: string, body: Record<string, unknown> = {}) =>
  mutateItem(e2e.url, tokens[who]!, tokens.head!, id, action, body);
const detail = async (id: number) => (await api<ItemDetail>(e2e.url, tokens.head!, `/api/items/${id}`)).body;
const entries = (page: Page, type: string) => page.locator(`[data-testid="timeline-entry"][data-kind="${type}"]`).count();

async function openCard(who: string, id: number): Promise<Page> {
  const page = await e2e.signedIn(who);
  await page.goto(`${e2e.url}/items/${id}`);
  await page.getByTestId('item-panel').waitFor();
  await connected(page);
  return page;
}

describe('the item card’s action bar', () => {
  it('a double-click on «Взять в работу» claims the item and does not release it with its second click', async () => {
    const { id } = await incident();
    const page = await openCard('operator1', id);

    await page.getByTestId('claim-button').dblclick();
    await expect.poll(() => entries(page, 'item.claimed'), { timeout: 5000 }).toBe(1);
    await page.getByTestId('release-button').waitFor();
    expect(await page.getByTestId('item-assignee').textContent()).toContain('Смирнова');
    // A release sent by the second click would follow the claim's ack: give it time to land.
    await page.waitForTimeout(1000);
    const { item, events } = await detail(id);
    expect(item.assignee?.id).toBe(operatorId);
    expect(events.map((e) => e.data.type).filter((t) => t === 'item.claimed' || t === 'item.released')).toEqual(['item.claimed']);
    expect(await entries(page, 'item.released')).toBe(0);

    await page.context().close();
  }, 60_000);

  it('the executor of the body an incident is routed to gives its interim answer from the card', async () => {
    const { id } = await incident();
    await claimAndRoute(e2e.url, tokens.operator1!, tokens.head!, id, housing);
    const page = await openCard('executor_housing', id);

    await page.getByTestId('interim-button').click();
    await page.getByTestId('interim-text').fill('Аварийная бригада выехала, воду перекроют в течение часа');
    await page.getByTestId('interim-submit').click();
    await expect.poll(() => entries(page, 'item.interim_answered'), { timeout: 5000 }).toBe(1);
    // One interim answer per incident until it is reopened.
    await expect.poll(() => page.getByTestId('interim-button').count()).toBe(0);
    expect((await detail(id)).item.deadlines?.interimAnsweredAt).not.toBeNull();

    await page.context().close();
  }, 60_000);

  it('an answered incident shows no stale deadline; reopened by a low rating, it takes a new interim answer', async () => {
    const { id, externalId } = await incident();
    await claimAndRoute(e2e.url, tokens.operator1!, tokens.head!, id, housing);
    expect((await mutate('executor_housing', id, 'interim', { text: 'Бригада выехала' })).status).toBe(200);
    expect((await mutate('executor_housing', id, 'answer', { text: 'Трубу заменили, двор откачали' })).status).toBe(200);
    expect((await mutate('executor_housing', id, 'answer/submit')).status).toBe(200);
    expect((await mutate('operator1', id, 'answer/approve')).status).toBe(200);

    const page = await openCard('executor_housing', id);
    // Answered: the deadline is no longer tracked, so no due or at-risk instants, only how it was met.
    const due = page.getByTestId('item-due');
    expect(await due.getAttribute('data-tracked')).toBe('false');
    expect(await due.textContent()).toContain('срок не отслеживается');
    expect(await due.textContent()).not.toContain('до ');
    expect(await page.getByTestId('item-at-risk-at').count()).toBe(0);
    expect(await page.getByTestId('item-deadline-outcome').getAttribute('data-late')).toBe('false');
    expect(await page.getByTestId('interim-button').count()).toBe(0);

    // The citizen's 1 reopens it for the department, live: the old interim answer no longer counts.
    expect((await ingestRatings(e2e.url, [{ externalId, score: 1 }])).results[0]).toMatchObject({ ok: true });
    await expect.poll(() => page.getByTestId('item-status').getAttribute('data-status'), { timeout: 5000 }).toBe('routed');
    await page.getByTestId('interim-button').waitFor({ timeout: 5000 });
    expect(await due.getAttribute('data-tracked')).toBe('true');
    await page.getByTestId('interim-button').click();
    await page.getByTestId('interim-text').fill('Проверим повторно сегодня');
    await page.getByTestId('interim-submit').click();
    await expect.poll(() => entries(page, 'item.interim_answered'), { timeout: 5000 }).toBe(2);
    await expect.poll(() => page.getByTestId('interim-button').count()).toBe(0);

    await page.context().close();
  }, 90_000);
});
