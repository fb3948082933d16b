import type { DeadlineSettingsDto, SettingsRevisionDto } from '@okno/shared';
import { api, login } from '@okno/server/testing';
import { describe, expect, it } from 'vitest';
import { request } from '../integration/workflow-helpers.js';
import { alertText, useE2e } from './browser.js';

const e2e = useE2e();

describe('deadline settings', () => {
  it('an admin changes a policy’s answer period; it persists, is audited, and a stale save is refused', async () => {
    const token = await login(e2e.url, 'admin');
    const before = await api<DeadlineSettingsDto>(e2e.url, token, '/api/deadlines/settings');
    const target = before.body.policies.find((p) => p.policy.answer && p.policy.answer.clock !== 'working_hours')!;
    expect(target).toBeDefined();
    const amount = target.policy.answer!.amount + 1;

    const page = await e2e.signedIn('admin');
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

    const after = await api<DeadlineSettingsDto>(e2e.url, token, '/api/deadlines/settings');
    const saved = after.body.policies.find((p) => p.code === target.code)!;
    expect(saved.policy.answer!.amount).toBe(amount);
    expect(saved.version).toBeGreaterThan(target.version);
    const audit = await api<SettingsRevisionDto[]>(e2e.url, token, '/api/deadlines/revisions');
    expect(audit.body[0]).toMatchObject({ target: 'policy', key: target.code, reason: 'E2E: новый срок ответа', actor: { name: expect.any(String) } });

    // Someone else saves meanwhile: the page's version is stale, the server's refusal is shown.
    const res = await request(e2e.url, token, 'PUT', `/api/deadlines/policies/${target.code}`, {
      version: saved.version,
      policy: { ...saved.policy, answer: { ...saved.policy.answer!, amount: amount + 1 } },
      reason: 'E2E: параллельно',
    });
    expect(res.status).toBe(200);
    await row.getByTestId('policy-answer').fill(String(amount + 2));
    await row.getByTestId('policy-save').click();
    expect(await alertText(page)).toContain('изменена другим администратором');
    await page.context().close();
  }, 90_000);

  it('shows the link to administrators only', async () => {
    const page = await e2e.signedIn('operator1');
    expect(await page.getByTestId('nav-settings').count()).toBe(0);
    await page.context().close();
  }, 60_000);
});
