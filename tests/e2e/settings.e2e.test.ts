import type { DeadlineSettingsDto, SettingsRevisionDto } from '@okno/shared';
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

describe('deadline settings', () => {
  it('an admin changes a policy’s answer period; it persists, is audited, and a stale save is refused', async () => {
    const token = await login(env.url, 'admin');
    const before = await api<DeadlineSettingsDto>(env.url, token, '/api/deadlines/settings');
    const target = before.body.policies.find((p) => p.policy.answer && p.policy.answer.clock !== 'working_hours')!;
    expect(target).toBeDefined();
    const amount = target.policy.answer!.amount + 1;

    const ctx = await browser.newContext({ locale: 'ru-RU' });
    const page = await ctx.newPage();
    await signIn(page, env.url, 'admin');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-page').waitFor();
    expect(await page.getByTestId('settings-note').textContent()).toContain('только к новым');

    const row = page.locator(`[data-testid="policy-row"][data-code="${target.code}"]`);
    await row.getByTestId('policy-answer').fill(String(amount));
    await page.getByTestId('settings-reason').fill('E2E: новый срок ответа');
    await row.getByTestId('policy-save').click();
    await expect.poll(() => page.getByTestId('notice').first().textContent()).toContain('Изменения сохранены');
    expect(await row.getByTestId('policy-answer').inputValue()).toBe(String(amount));
    await expect.poll(() => page.getByTestId('settings-audit').textContent()).toContain('E2E: новый срок ответа');

    const after = await api<DeadlineSettingsDto>(env.url, token, '/api/deadlines/settings');
    const saved = after.body.policies.find((p) => p.code === target.code)!;
    expect(saved.policy.answer!.amount).toBe(amount);
    expect(saved.version).toBeGreaterThan(target.version);
    const audit = await api<SettingsRevisionDto[]>(env.url, token, '/api/deadlines/revisions');
    expect(audit.body[0]).toMatchObject({ target: 'policy', key: target.code, reason: 'E2E: новый срок ответа', actor: { name: expect.any(String) } });

    // Someone else saves meanwhile: the page's version is stale, the server's refusal is shown.
    const res = await fetch(`${env.url}/api/deadlines/policies/${target.code}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: saved.version, policy: { ...saved.policy, answer: { ...saved.policy.answer!, amount: amount + 1 } }, reason: 'E2E: параллельно' }),
    });
    expect(res.status).toBe(200);
    await row.getByTestId('policy-answer').fill(String(amount + 2));
    await row.getByTestId('policy-save').click();
    const toast = page.getByTestId('toast');
    await toast.waitFor();
    expect(await toast.getAttribute('role')).toBe('alert');
    expect(await toast.textContent()).toContain('изменена другим администратором');
    await ctx.close();
  }, 90_000);

  it('shows the link to administrators only', async () => {
    const ctx = await browser.newContext({ locale: 'ru-RU' });
    const page = await ctx.newPage();
    await signIn(page, env.url, 'operator1');
    expect(await page.getByTestId('nav-settings').count()).toBe(0);
    await ctx.close();
  }, 60_000);
});
