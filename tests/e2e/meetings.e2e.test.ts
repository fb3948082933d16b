import type { ProtocolDto } from '@okno/shared';
import { api, login } from '@okno/server/testing';
import { PDFParse } from 'pdf-parse';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { meetingOk, startedMeeting } from '../bench/lib/meetings.js';
import { alertText, connected, useE2e } from './browser.js';

const e2e = useE2e();
/** Meeting members have no queue of their own: their landing is the header. */
const openAs = (loginName: string, context?: BrowserContextOptions) => e2e.signedIn(loginName, { landing: 'current-user', context });

/** Tokens of the chair, the secretary and a member, as the meeting helpers take them. */
async function officers(): Promise<{ head: string; secretary: string; member: string }> {
  const [head, secretary, member] = await Promise.all(['head', 'secretary', 'member1'].map((l) => login(e2e.url, l)));
  return { head: head!, secretary: secretary!, member: member! };
}

/** A started meeting with its first agenda item made current by the secretary. */
async function meetingOnFirstItem(t: { head: string; secretary: string; member: string }): Promise<number> {
  const { meetingId, itemId } = await startedMeeting(e2e.url, t);
  await meetingOk(e2e.url, t.secretary, `/${meetingId}/current`, { agendaItemId: itemId });
  return meetingId;
}

describe('a live meeting in four browsers', () => {
  it('quorum, a vote cast in the UI with live counts everywhere, the result, and the signed protocol PDF', async () => {
    const t = await officers();
    const meetingId = await meetingOnFirstItem(t);

    const phone = { locale: 'ru-RU', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
    const pages = await Promise.all([openAs('head'), openAs('secretary'), openAs('member1'), openAs('member2', phone)]);
    const [chair, sec, m1, m2] = pages as [Page, Page, Page, Page];
    await Promise.all(pages.map((p) => p.goto(`${e2e.url}/meetings/${meetingId}`)));

    // Four of the six members joined remotely: 2·4 ≥ 6.
    for (const p of pages) {
      await expect.poll(() => p.getByTestId('quorum').getAttribute('data-quorum'), { timeout: 10_000 }).toBe('yes');
      await expect.poll(() => p.getByTestId('current-item-title').textContent()).toContain('Об утверждении плана');
    }
    // The whole page fits the phone: no sideways scrolling for a member voting remotely.
    expect(await m2.getByTestId('meeting-page').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(392);
    expect(Number(await m2.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(392);

    const question = 'Утвердить план работы центра на квартал';
    await chair.getByTestId('vote-question').fill(question);
    await chair.getByTestId('vote-open').click();
    for (const p of pages) await expect.poll(() => p.getByTestId('vote-count').getAttribute('data-count'), { timeout: 10_000 }).toBe('0');

    await m1.getByTestId('vote-for').click();
    await m2.getByTestId('vote-against').click();
    await sec.getByTestId('vote-for').click();
    await chair.getByTestId('vote-for').click();
    // No reload: each context sees the count rise to 4 over the socket.
    for (const p of pages) await expect.poll(() => p.getByTestId('vote-count').getAttribute('data-count'), { timeout: 10_000 }).toBe('4');
    await expect.poll(() => m1.getByTestId('voted').isVisible()).toBe(true);

    await chair.getByTestId('vote-close').click();
    for (const p of pages) {
      await expect.poll(() => p.getByTestId('vote-result').getAttribute('data-outcome'), { timeout: 10_000 }).toBe('adopted');
      expect(await p.getByTestId('vote-result').textContent()).toContain('Решение принято');
    }
    expect(await m2.getByTestId('vote-ballots').textContent()).toMatch(/против/);

    // End, approve and sign over the API; the screens follow live.
    await meetingOk(e2e.url, t.secretary, `/${meetingId}/end`);
    const draft = (await api<ProtocolDto>(e2e.url, t.secretary, `/api/meetings/${meetingId}/protocol`)).body;
    await meetingOk(e2e.url, t.head, `/${meetingId}/protocol/approve`, { version: draft.version });
    await expect.poll(() => sec.getByTestId('protocol').getAttribute('data-status'), { timeout: 10_000 }).toBe('approved');
    await sec.getByTestId('protocol-sign').click();
    for (const p of pages) await expect.poll(() => p.getByTestId('protocol-intact').getAttribute('data-intact'), { timeout: 10_000 }).toBe('true');
    const hash = await chair.getByTestId('protocol-hash').textContent();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    // The PDF link downloads with the browser's session; its text carries the result.
    const href = await m2.getByTestId('protocol-pdf').getAttribute('href');
    const res = await m2.request.get(`${e2e.url}${href}`);
    expect(res.status()).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(await res.body()) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain(question);
    expect(text).toContain('Итог: решение принято');
    expect(text).toContain(hash!);
  }, 180_000);

  it('shows a refused action as an alert with the server’s message', async () => {
    const meetingId = await meetingOnFirstItem(await officers());
    const page = await openAs('head');
    await page.goto(`${e2e.url}/meetings/${meetingId}`);
    // Only the head is here: one of six, no quorum, so the vote is refused.
    await expect.poll(() => page.getByTestId('quorum').getAttribute('data-quorum'), { timeout: 10_000 }).toBe('no');
    await page.getByTestId('vote-open').click();
    expect((await alertText(page)).length).toBeGreaterThan(5);
  }, 90_000);

  it('the secretary invites a person, assigns a task and marks it done in the UI', async () => {
    const meetingId = await meetingOnFirstItem(await officers());
    const page = await openAs('secretary');
    await page.goto(`${e2e.url}/meetings/${meetingId}`);

    const guest = 'Мельникова Анна Дмитриевна';
    await page.getByTestId('invite-select').locator('option', { hasText: guest }).waitFor({ state: 'attached', timeout: 10_000 });
    await page.getByTestId('invite-select').selectOption({ label: guest });
    await page.getByTestId('invite-submit').click();
    const invitee = page.getByTestId('invitee');
    await expect.poll(() => invitee.textContent(), { timeout: 10_000 }).toContain('приглашён, без права голоса');
    expect(await invitee.textContent()).toContain(guest);

    await page.getByTestId('task-text').fill('Подготовить справку');
    await page.getByTestId('task-assignee').selectOption({ label: guest });
    await page.getByTestId('task-due').fill('2099-12-31');
    await page.getByTestId('task-create').click();
    const row = page.getByTestId('tasks').getByTestId('task-row').filter({ hasText: 'Подготовить справку' });
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).toBe('open');
    await row.getByTestId('task-done').click();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).toBe('done');

    await page.getByTestId('uninvite').click();
    await expect.poll(() => page.getByTestId('invitee').count(), { timeout: 10_000 }).toBe(0);
  }, 90_000);

  it('tells a member in the app when a meeting is scheduled and started, and adds it to the calendar', async () => {
    const page = await openAs('member3');
    await page.goto(`${e2e.url}/meetings`);
    await connected(page);

    // Earlier tests held meetings of the same title: count them, then expect one more without reload.
    const title = 'Заседание: нагрузочное голосование';
    const listed = () => page.getByTestId('meeting-row').filter({ hasText: title }).count();
    await page.getByTestId('meetings-list').waitFor(); // earlier tests' meetings are listed
    const before = await listed();
    expect(before).toBeGreaterThan(0);
    await startedMeeting(e2e.url, await officers());

    const notices = page.getByTestId('notice');
    await expect.poll(() => notices.allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining('Назначено заседание «Заседание: нагрузочное голосование»'));
    await expect.poll(listed, { timeout: 10_000 }).toBe(before + 1);
  }, 60_000);
});
