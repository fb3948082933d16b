import type { ItemSnapshot } from '@okno/shared';
import { api, login } from '@okno/server/testing';
import { describe, expect, it } from 'vitest';
import { useE2e } from './browser.js';

const e2e = useE2e();

/** An «Инцидент Менеджмент»-like CSV as Russian Excel saves it: BOM, `;`, one bad row. */
function imExport(): Buffer {
  const lines = ['ID;Дата публикации;Соцсеть;Автор;Текст поста;Ссылка на пост'];
  for (let i = 1; i <= 12; i++) {
    const network = i % 2 ? 'ВКонтакте' : 'Telegram';
    const text = i === 7 ? '' : `Пост ${i}: во дворе не убран снег`;
    lines.push(`e2e-${i};05.03.2025 1${i % 10}:00;${network};Автор ${i};${text};https://vk.com/wall-1_${i}`);
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'))]);
}

describe('import page', () => {
  it('an operator uploads an export, checks the preview, imports it and sees the report', async () => {
    const page = await e2e.signedIn('operator1');
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-page').waitFor();

    await page.getByTestId('import-file-input').setInputFiles({ name: 'im-march.csv', mimeType: 'text/csv', buffer: imExport() });
    await expect.poll(() => page.getByTestId('import-file-info').textContent()).toContain('im-march.csv: 12 строк');
    expect(await page.getByTestId('import-map-text').inputValue()).toBe('4');
    expect(await page.getByTestId('import-origin').inputValue()).toBe('im');
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('Будет загружено: 11');
    const bad = page.locator('[data-testid="import-preview-row"][data-row="8"]');
    expect(await bad.getAttribute('data-state')).toBe('error');
    expect(await bad.textContent()).toContain('Нет текста');

    await page.getByTestId('import-run-button').click();
    await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 15_000 }).toContain('Создано: 11');
    expect(await page.getByTestId('import-failed-rows').textContent()).toContain('Строка 8');
    const href = await page.getByTestId('import-report-link').getAttribute('href');
    const report = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(report).toContain('8;e2e-7;не импортирована;Нет текста');

    const token = await login(e2e.url, 'operator1');
    const items = (await api<ItemSnapshot>(e2e.url, token, '/api/items')).body.items.filter((i) => i.source === 'import-im');
    expect(items).toHaveLength(11);
    await page.context().close();
  });

  it('an executor has no import link and is told the page is not for them', async () => {
    const page = await e2e.signedIn('executor_housing');
    expect(await page.getByTestId('nav-import').count()).toBe(0);
    await page.goto(`${e2e.url}/import`);
    await expect.poll(() => page.getByTestId('import-page').textContent()).toContain('только сотрудникам смены');
    await page.context().close();
  });
});
