import type { ProtocolDto } from '@okno/shared';
import { api, login } from '@okno/server/testing';
import { PDFParse } from 'pdf-parse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingOk, startedMeeting } from '../bench/lib/meetings.js';
import { launchChromium, startE2eNode, type E2eEnv } from './browser.js';

let env: E2eEnv;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [env, browser] = await Promise.all([startE2eNode(), launchChromium()]);
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await env?.close();
});

/** Signs in through the login form (members have no queue of their own, so wait for the header). */
async function signInAs(page: Page, loginName: string): Promise<void> {
  await page.goto(env.url);
  await page.getByTestId('login-input').fill(loginName);
  await page.getByTestId('password-input').fill('okno-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

describe('a live meeting in four browsers', () => {
  it('quorum, a vote cast in the UI with live counts everywhere, the result, and the signed protocol PDF', async () => {
    const [head, secretary, member] = await Promise.all(['head', 'secretary', 'member1'].map((l) => login(env.url, l)));
    const t = { head: head!, secretary: secretary!, member: member! };
    const { meetingId, itemId } = await startedMeeting(env.url, t);
    await meetingOk(env.url, t.secretary, `/${meetingId}/current`, { agendaItemId: itemId });

    const logins = ['head', 'secretary', 'member1', 'member2'] as const;
    const made = await Promise.all(
      logins.map((l) =>
        browser.newContext(
          l === 'member2' ? { locale: 'ru-RU', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { locale: 'ru-RU' },
        ),
      ),
    );
    contexts.push(...made);
    const pages = await Promise.all(made.map((c) => c.newPage()));
    const [chair, sec, m1, m2] = pages as [Page, Page, Page, Page];
    await Promise.all(pages.map((p, i) => signInAs(p, logins[i]!)));
    await Promise.all(pages.map((p) => p.goto(`${env.url}/meetings/${meetingId}`)));

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
    await meetingOk(env.url, t.secretary, `/${meetingId}/end`);
    const draft = (await api<ProtocolDto>(env.url, t.secretary, `/api/meetings/${meetingId}/protocol`)).body;
    await meetingOk(env.url, t.head, `/${meetingId}/protocol/approve`, { version: draft.version });
    await expect.poll(() => sec.getByTestId('protocol').getAttribute('data-status'), { timeout: 10_000 }).toBe('approved');
    await sec.getByTestId('protocol-sign').click();
    for (const p of pages) await expect.poll(() => p.getByTestId('protocol-intact').getAttribute('data-intact'), { timeout: 10_000 }).toBe('true');
    const hash = await chair.getByTestId('protocol-hash').textContent();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    // The PDF link downloads with the browser's session; its text carries the result.
    const href = await m2.getByTestId('protocol-pdf').getAttribute('href');
    const res = await m2.request.get(`${env.url}${href}`);
    expect(res.status()).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(await res.body()) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain(question);
    expect(text).toContain('Итог: решение принято');
    expect(text).toContain(hash!);
  }, 180_000);

  it('shows a refused action as an alert with the server’s message', async () => {
    const [head, secretary, member] = await Promise.all(['head', 'secretary', 'member1'].map((l) => login(env.url, l)));
    const { meetingId, itemId } = await startedMeeting(env.url, { head: head!, secretary: secretary!, member: member! });
    await meetingOk(env.url, secretary!, `/${meetingId}/current`, { agendaItemId: itemId });
    const ctx = await browser.newContext({ locale: 'ru-RU' });
    contexts.push(ctx);
    const page = await ctx.newPage();
    await signInAs(page, 'head');
    await page.goto(`${env.url}/meetings/${meetingId}`);
    // Only the head is here: one of six, no quorum, so the vote is refused.
    await expect.poll(() => page.getByTestId('quorum').getAttribute('data-quorum'), { timeout: 10_000 }).toBe('no');
    await page.getByTestId('vote-open').click();
    const toast = page.getByTestId('toast');
    await toast.waitFor();
    expect(await toast.getAttribute('role')).toBe('alert');
    expect((await toast.textContent())?.length ?? 0).toBeGreaterThan(5);
  }, 90_000);

  it('the secretary invites a person, assigns a task and marks it done in the UI', async () => {
    const [head, secretary, member] = await Promise.all(['head', 'secretary', 'member1'].map((l) => login(env.url, l)));
    const { meetingId, itemId } = await startedMeeting(env.url, { head: head!, secretary: secretary!, member: member! });
    await meetingOk(env.url, secretary!, `/${meetingId}/current`, { agendaItemId: itemId });
    const ctx = await browser.newContext({ locale: 'ru-RU' });
    contexts.push(ctx);
    const page = await ctx.newPage();
    await signInAs(page, 'secretary');
    await page.goto(`${env.url}/meetings/${meetingId}`);

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
    const ctx = await browser.newContext({ locale: 'ru-RU' });
    contexts.push(ctx);
    const page = await ctx.newPage();
    await signInAs(page, 'member3');
    await page.goto(`${env.url}/meetings`);
    await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state')).toBe('connected');

    // Earlier tests held meetings of the same title: count them, then expect one more without reload.
    const title = 'Заседание: нагрузочное голосование';
    const listed = () => page.getByTestId('meeting-row').filter({ hasText: title }).count();
    await page.getByTestId('meetings-list').waitFor(); // earlier tests' meetings are listed
    const before = await listed();
    expect(before).toBeGreaterThan(0);
    const [head, secretary, member] = await Promise.all(['head', 'secretary', 'member1'].map((l) => login(env.url, l)));
    await startedMeeting(env.url, { head: head!, secretary: secretary!, member: member! });

    const notices = page.getByTestId('notice');
    await expect.poll(() => notices.allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining('Назначено заседание «Заседание: нагрузочное голосование»'));
    await expect.poll(listed, { timeout: 10_000 }).toBe(before + 1);
  }, 60_000);
});
