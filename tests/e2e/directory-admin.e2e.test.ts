import type { DirectoryAdminDto } from '@okno/shared';
import { login } from '@okno/server/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { request } from '../integration/workflow-helpers.js';
import { connected, useE2e } from './browser.js';

const e2e = useE2e();

async function openDirectory(page: Page): Promise<void> {
  await page.getByTestId('nav-directory').click();
  await page.getByTestId('directory-admin-page').waitFor();
  await connected(page);
}

describe('the directory administration screen, refusals and the log', () => {
  it('a stale save keeps the form open with the typed name and the conflict; a reload keeps the input; the log reads in Russian', async () => {
    const admin = await e2e.signedIn('admin');
    await openDirectory(admin);
    const row = admin.locator('[data-testid="department-row"][data-code="education_dept"]');
    await row.getByTestId('department-edit').click();
    const form = admin.getByTestId('department-form');
    const name = form.getByTestId('department-name');
    await name.fill('Управление образования (A)');

    // Meanwhile the same body changes through the API, past the version the form was opened on.
    const token = await login(e2e.url, 'admin');
    const dir = (await request<DirectoryAdminDto>(e2e.url, token, 'GET', '/api/routing/directory')).body;
    const body = dir.departments.find((d) => d.code === 'education_dept')!;
    const changed = await request(e2e.url, token, 'PATCH', `/api/routing/departments/${body.id}`, { version: body.version, name: 'Управление образования (C)' });
    expect(changed.status).toBe(200);

    await form.getByTestId('department-submit').click();
    const issues = form.getByTestId('department-issues');
    await issues.waitFor();
    expect(await issues.getAttribute('data-source')).toBe('server');
    expect(await issues.textContent()).toContain('уже изменена другим администратором');
    expect(await form.getByTestId('stale-hint').textContent()).toContain('Обновить');
    // The form is still open with what was typed, and the table was not swapped under it.
    expect(await form.count()).toBe(1);
    expect(await name.inputValue()).toBe('Управление образования (A)');
    expect(await row.textContent()).not.toContain('(C)');

    // Reloading shows the other change in the table and keeps the input; saving again now goes through.
    await form.getByTestId('form-reload').click();
    await expect.poll(() => row.textContent()).toContain('Управление образования (C)');
    expect(await admin.getByTestId('department-name').inputValue()).toBe('Управление образования (A)');
    expect(await admin.getByTestId('department-issues').count()).toBe(0);
    await admin.getByTestId('department-submit').click();
    await expect.poll(() => admin.getByTestId('department-form').count()).toBe(0);
    await expect.poll(() => row.textContent()).toContain('Управление образования (A)');

    // The log names fields and values in Russian, not as stored.
    const audit = admin.getByTestId('directory-audit');
    await expect.poll(() => audit.textContent()).toContain('Название: Управление образования (C) → Управление образования (A)');
    const text = (await audit.textContent()) ?? '';
    expect(text).not.toContain('name:');
    expect(text).not.toMatch(/\b(active|sectors|territoryIds|departmentId):/);

    await admin.context().close();
  }, 60_000);

  it('a duplicate code keeps the form and its input; a check made here is not called a server refusal', async () => {
    const admin = await e2e.signedIn('admin');
    await openDirectory(admin);
    await admin.getByTestId('department-add').click();
    const form = admin.getByTestId('department-form');
    await form.getByTestId('department-code').fill('roads_dept');
    await form.getByTestId('department-name').fill('Ещё один дорожный орган');

    // No sector ticked: the form says so itself, nothing is sent.
    await form.getByTestId('department-submit').click();
    const issues = form.getByTestId('department-issues');
    await issues.waitFor();
    expect(await issues.getAttribute('data-source')).toBe('form');
    expect(await issues.textContent()).toContain('Проверьте форму');
    expect(await issues.textContent()).not.toContain('Сервер');

    await form.locator('[data-testid="department-sectors"] input[value="roads"]').check();
    await form.getByTestId('department-submit').click();
    await expect.poll(() => issues.getAttribute('data-source')).toBe('server');
    expect(await issues.textContent()).toContain('Сервер не принял изменения');
    expect(await issues.textContent()).toContain('roads_dept');
    expect(await form.getByTestId('stale-hint').count()).toBe(0);
    expect(await form.getByTestId('department-code').inputValue()).toBe('roads_dept');
    expect(await form.getByTestId('department-name').inputValue()).toBe('Ещё один дорожный орган');

    await admin.context().close();
  }, 60_000);

  it('a rule that already exists keeps the rule form open with the server’s words', async () => {
    const token = await login(e2e.url, 'admin');
    const dir = (await request<DirectoryAdminDto>(e2e.url, token, 'GET', '/api/routing/directory')).body;
    const existing = dir.rules.find((r) => r.categoryId != null && r.territoryId == null)!;

    const admin = await e2e.signedIn('admin');
    await openDirectory(admin);
    await admin.getByTestId('rule-add').click();
    const form = admin.getByTestId('rule-form');
    await form.getByTestId('rule-sector').selectOption(existing.sector);
    await form.getByTestId('rule-category').selectOption(String(existing.categoryId));
    await form.getByTestId('rule-department').selectOption(String(existing.departmentId));
    await form.getByTestId('rule-submit').click();

    const issues = form.getByTestId('rule-issues');
    await issues.waitFor();
    expect(await issues.getAttribute('data-source')).toBe('server');
    expect(await issues.textContent()).toContain('уже есть');
    expect(await form.getByTestId('rule-category').inputValue()).toBe(String(existing.categoryId));
    expect(await form.getByTestId('rule-department').inputValue()).toBe(String(existing.departmentId));

    await admin.context().close();
  }, 60_000);
});
