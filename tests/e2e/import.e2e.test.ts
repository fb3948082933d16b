import type { ItemSnapshot } from '@okno/shared';
import { api, login } from '@okno/server/testing';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useE2e } from './browser.js';

const e2e = useE2e();

/** An «Инцидент Менеджмент»-like CSV as Russian Excel saves it: BOM, `;`, one bad row (unless left out). */
function imExport(withBadRow = true): Buffer {
  const lines = ['ID;Дата публикации;Соцсеть;Автор;Текст поста;Ссылка на пост'];
  for (let i = 1; i <= 12; i++) {
    if (i === 7 && !withBadRow) continue;
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

    // The same rows again: nothing new, so the run button stays off and says why.
    await page.getByTestId('import-run').getByRole('button', { name: 'Другой файл' }).click();
    await page.getByTestId('import-file-input').setInputFiles({ name: 'im-march-again.csv', mimeType: 'text/csv', buffer: imExport(false) });
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('Будет загружено: 0, уже загружено ранее: 11');
    expect(await page.getByTestId('import-run-button').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-run-note').textContent()).toBe('Все строки уже загружены ранее — импортировать нечего.');
    await page.context().close();
  });

  it('reads a workbook’s data sheet behind an instruction sheet and says which sheet it read', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Инструкция').addRows([['Выгрузка обращений'], ['Данные — на следующем листе']]);
    wb.addWorksheet('Обращения').addRows([['Номер обращения', 'Текст обращения'], ['x-1', 'Яма у школы'], ['x-2', 'Нет света']]);
    wb.addWorksheet('Свод').addRows([['Категория', 'Количество'], ['Дороги', 1]]);
    const page = await e2e.signedIn('operator1');
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file-input').setInputFiles({ name: 'pos-book.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await expect.poll(() => page.getByTestId('import-file-info').textContent()).toContain('pos-book.xlsx: 2 строки данных');
    expect(await page.getByTestId('import-sheet-info').textContent()).toContain('лист «Обращения» (2 из 3)');
    expect(await page.getByTestId('import-map-text').inputValue()).toBe('1');
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('Будет загружено: 2');
    expect(await page.getByTestId('import-run-button').isEnabled()).toBe(true);
    expect(await page.getByTestId('import-run-note').count()).toBe(0);
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
