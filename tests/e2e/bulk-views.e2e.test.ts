import { BULK_MAX_ITEMS } from '@okno/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ingestItems } from '../integration/workflow-helpers.js';
import { connected, useE2e } from './browser.js';

const e2e = useE2e();

const shownText = (page: Page) => page.locator('.queue-toolbar').textContent();
const selectedLabel = async (page: Page, testid: string) => ({
  value: await page.getByTestId(testid).inputValue(),
  label: (await page.getByTestId(testid).locator('option:checked').textContent()) ?? '',
});

describe('bulk limit and saved views', () => {
  it('ticking more rows than a bulk action takes says so and disables the actions; toasts stand clear of the bar; a short routing reason is named', async () => {
    const marker = `limit${Date.now()}`;
    const count = BULK_MAX_ITEMS + 5;
    await ingestItems(
      e2e.url,
      Array.from({ length: count }, (_, i) => ({ externalId: `${marker}-${i}`, kind: 'message', channel: 'pos', text: `${marker}: не вывезен мусор у дома ${i + 1}${i < 3 ? ', повторно' : ''}` })),
    );
    const page = await e2e.signedIn('operator1');
    await connected(page);
    await page.getByTestId('search-input').fill(marker);
    await expect.poll(() => shownText(page)).toContain(`Показано ${count} из`);

    await page.getByTestId('select-shown').click();
    const bar = page.getByTestId('bulk-bar');
    await expect.poll(() => bar.getAttribute('data-count')).toBe(String(count));
    expect(await page.getByTestId('bulk-limit').textContent()).toContain(
      `Выбрано ${count} — групповое действие выполняется не более чем для ${BULK_MAX_ITEMS} записей за раз`,
    );
    for (const action of ['bulk-claim', 'bulk-route', 'bulk-categorise', 'bulk-duplicate']) {
      expect(await page.getByTestId(action).isDisabled(), action).toBe(true);
    }
    expect(await page.getByTestId('bulk-clear').isDisabled()).toBe(false);

    // The toasts' corner is lifted above the bar, so a refusal never hides its buttons.
    const overlap = (await page.evaluate(`(() => {
      const toasts = document.querySelector('.toasts').getBoundingClientRect();
      const bar = document.querySelector('[data-testid="bulk-bar"]').getBoundingClientRect();
      return { toastsBottom: toasts.bottom, barTop: bar.top, barHeight: bar.height };
    })()`)) as { toastsBottom: number; barTop: number; barHeight: number };
    expect(overlap.barHeight).toBeGreaterThan(0);
    expect(overlap.toastsBottom).toBeLessThanOrEqual(overlap.barTop);

    // Narrowing the search to fewer rows brings the actions back for the ticked rows still shown.
    await page.getByTestId('search-input').fill(`${marker} повторно`);
    await expect.poll(() => bar.getAttribute('data-count')).toBe('3');
    expect(await page.getByTestId('bulk-count').textContent()).toBe('Выбрано: 3');
    expect(await page.getByTestId('bulk-limit').count()).toBe(0);
    expect(await page.getByTestId('bulk-claim').isDisabled()).toBe(false);

    // Routing: a reason of 1–2 characters names the rule instead of silently greying out the button.
    await page.getByTestId('bulk-route').click();
    await page.getByTestId('bulk-route-reason').fill('ab');
    expect(await page.getByTestId('bulk-route-reason-short').textContent()).toBe('Причина — не меньше 3 символов (или оставьте поле пустым)');
    expect(await page.getByTestId('bulk-route-submit').isDisabled()).toBe(true);
    await page.getByTestId('bulk-route-reason').fill('abc');
    expect(await page.getByTestId('bulk-route-reason-short').count()).toBe(0);
    expect(await page.getByTestId('bulk-route-submit').isDisabled()).toBe(false);
    await page.keyboard.press('Escape');
    await page.getByTestId('bulk-route-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('bulk-clear').click();
    await bar.waitFor({ state: 'detached' });
    await page.context().close();
  }, 90_000);

  it('saves the search with the filters in a view, restores both, and renames the view', async () => {
    const page = await e2e.signedIn('operator1');
    await connected(page);
    await page.goto(`${e2e.url}/queue?kind=appeal`);
    await page.getByTestId('queue-table').waitFor();
    await page.getByTestId('search-input').fill('Курск');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Курск');
    expect(new URL(page.url()).searchParams.get('kind')).toBe('appeal');

    await page.getByTestId('views-button').click();
    expect(await page.getByTestId('view-save-search').textContent()).toBe('Вместе с поиском «Курск»');
    const name = `Обращения Курска ${Date.now() % 100000}`;
    await page.getByTestId('view-name').fill(name);
    await page.getByTestId('view-save').click();
    const row = page.getByTestId('view-item').filter({ hasText: name });
    await row.waitFor();
    await page.keyboard.press('Escape');

    // Reset everything, then the view brings back the filter and the search.
    await page.getByRole('button', { name: 'Сбросить фильтры' }).first().click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(await page.getByTestId('search-input').inputValue()).toBe('');
    await page.getByTestId('views-button').click();
    await row.getByTestId('view-apply').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Курск');
    expect(await page.getByTestId('search-input').inputValue()).toBe('Курск');
    expect((await selectedLabel(page, 'filter-kind')).value).toBe('appeal');

    // A reload keeps the search too.
    await page.reload();
    await page.getByTestId('queue-table').waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('Курск');

    // Rename in place; the new name survives a reload of the list.
    await page.getByTestId('views-button').click();
    const viewId = await page.getByTestId('view-item').filter({ hasText: name }).getAttribute('data-view-id');
    const mine = page.locator(`[data-testid="view-item"][data-view-id="${viewId}"]`);
    await mine.getByTestId('view-rename').click();
    const renamed = `${name} (новый)`;
    await mine.getByTestId('view-rename-input').fill(renamed);
    await mine.getByTestId('view-rename-input').press('Enter');
    await expect.poll(() => page.getByTestId('notice').last().textContent()).toContain(`переименован в «${renamed}»`);
    await page.keyboard.press('Escape');
    await page.reload();
    await page.getByTestId('queue-table').waitFor();
    await page.getByTestId('views-button').click();
    await page.getByTestId('view-item').filter({ hasText: renamed }).waitFor();

    // An operator's «Эскалировано мне» shows its filter by name, never a blank select.
    await page.getByTestId('view-item').filter({ hasText: 'Эскалировано мне' }).getByTestId('view-apply').click();
    await expect.poll(() => new URL(page.url()).search).toBe('?escalation=me');
    expect(await selectedLabel(page, 'filter-escalation')).toEqual({ value: 'me', label: 'Эскалировано мне' });
    expect(await page.getByTestId('search-input').inputValue()).toBe('');
    await page.context().close();
  }, 90_000);
});
