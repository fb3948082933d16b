import type { ImportSettings } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { convertRows, settingsIssues, type ConvertContext } from './convert.js';
import { buildLookup } from './directory-lookup.js';
import { parseChannel, parseKind, parseLink, parseReceivedAt, parseSector, plainText } from './values.js';

const MSK = 180;
const lookup = buildLookup(
  [
    { code: 'roads.potholes', name: 'Ямы и разрушение покрытия', sector: 'roads' },
    { code: 'roads.misc', name: 'Прочие по направлению', sector: 'roads' },
    { code: 'housing.misc', name: 'Прочие по направлению', sector: 'housing' },
  ],
  [
    { code: 'kursk.central', municipality: 'город Курск', district: 'Центральный округ' },
    { code: 'kursk.seym', municipality: 'город Курск', district: 'Сеймский округ' },
    { code: 'lgov', municipality: 'город Льгов', district: null },
  ],
);
const ctx: ConvertContext = { lookup, offsetMinutes: MSK, now: new Date('2025-03-01T12:00:00Z') };
// Columns: 0 number, 1 date, 2 text, 3 type, 4 category, 5 sector, 6 territory, 7 link, 8 channel
const settings: ImportSettings = {
  mapping: { externalId: 0, receivedAt: 1, text: 2, kind: 3, category: 4, sector: 5, territory: 6, link: 7, channel: 8 },
  defaults: { kind: 'message', channel: 'pos', origin: 'pos' },
};
const row = (n: number, cells: string[]) => ({ row: n, cells });

describe('cell values', () => {
  it('reads Russian dates as the centre’s local time, ISO with its own offset, Excel serials', () => {
    expect(parseReceivedAt('18.10.2024 14:50', MSK)?.toISOString()).toBe('2024-10-18T11:50:00.000Z');
    expect(parseReceivedAt('5.1.25', MSK)?.toISOString()).toBe('2025-01-04T21:00:00.000Z');
    expect(parseReceivedAt('2024-10-18T14:50:40', MSK)?.toISOString()).toBe('2024-10-18T11:50:40.000Z');
    expect(parseReceivedAt('2024-10-18 14:50:40+05:00', MSK)?.toISOString()).toBe('2024-10-18T09:50:40.000Z');
    expect(parseReceivedAt('45658.5', MSK)?.toISOString()).toBe('2025-01-01T09:00:00.000Z');
    for (const bad of ['31.02.2025', '2025-13-01', 'вчера', '12:30', '18.10.2024 25:00']) expect(parseReceivedAt(bad, MSK)).toBeNull();
  });

  it('names kinds, channels and sectors as exports write them', () => {
    expect(['Инцидент', 'Публикация', 'Сообщение', 'Обращение (59-ФЗ)', 'жалоба', 'appeal'].map(parseKind)).toEqual([
      'incident', 'incident', 'message', 'appeal', 'appeal', 'appeal',
    ]);
    expect(parseKind('Благодарность')).toBeNull();
    expect(['ВКонтакте', 'vk.com', 'Одноклассники', 'Telegram', 'Госуслуги', 'Виджет ПОС', 'Колл-центр', 'Дзен', 'E-mail'].map(parseChannel)).toEqual([
      'vk', 'vk', 'ok', 'telegram', 'pos', 'pos', 'call_centre', 'other_social', 'email',
    ]);
    expect(['ЖКХ', 'ТКО', 'Дороги', 'Социальная защита', 'Здравоохранение'].map(parseSector)).toEqual(['housing', 'waste', 'roads', 'social', 'health']);
  });

  it('strips HTML markup from texts and completes bare links', () => {
    expect(plainText('<p>Яма&nbsp;у дома</p><p>Срочно &laquo;!&raquo;</p>')).toBe('Яма у дома\nСрочно «!»');
    expect(plainText('Дом 5 < 6')).toBe('Дом 5 < 6');
    expect(parseLink('vk.com/wall-1_2')).toBe('https://vk.com/wall-1_2');
    expect(parseLink('перейти')).toBeNull();
  });
});

describe('row conversion', () => {
  it('turns a full row into an ingest item with directory codes', () => {
    const [r] = convertRows([row(2, ['П-1', '05.01.2025 09:15', 'Яма на дороге', 'Сообщение', 'Ямы и разрушение покрытия', '', 'Курск, Центральный округ', 'https://pos.gosuslugi.ru/1', 'ПОС'])], settings, ctx);
    expect(r!.errors).toEqual([]);
    expect(r!.warnings).toEqual([]);
    expect(r!.item).toMatchObject({
      externalId: 'П-1',
      kind: 'message',
      channel: 'pos',
      text: 'Яма на дороге',
      receivedAt: '2025-01-05T06:15:00.000Z',
      categoryCode: 'roads.potholes',
      sector: 'roads',
      territoryCode: 'kursk.central',
      link: 'https://pos.gosuslugi.ru/1',
    });
  });

  it('lists every error of a bad row in Russian and keeps the row number', () => {
    const [r] = convertRows([row(7, ['', 'завтра', '', 'Благодарность', '', '', '', '', 'Сарафанное радио'])], { ...settings, mapping: { ...settings.mapping } }, ctx);
    expect(r!.item).toBeNull();
    expect(r!.row).toBe(7);
    expect(r!.errors).toEqual([
      'Нет номера (внешнего идентификатора)',
      'Нет текста',
      'Неизвестный тип «Благодарность»: ожидается инцидент, сообщение или обращение',
      'Неизвестный канал «Сарафанное радио»',
      'Неверная дата «завтра»: ожидается ДД.ММ.ГГГГ ЧЧ:ММ',
    ]);
  });

  it('uses defaults for empty kind and channel cells and refuses a future date', () => {
    const [ok, future] = convertRows(
      [row(2, ['1', '', 'Текст', '', '', '', '', '', '']), row(3, ['2', '01.04.2025', 'Текст', '', '', '', '', '', ''])],
      settings,
      ctx,
    );
    expect(ok!.item).toMatchObject({ kind: 'message', channel: 'pos' });
    expect(ok!.item!.receivedAt).toBeUndefined();
    expect(ok!.warnings).toEqual(['Нет даты поступления: взято время импорта']);
    expect(future!.errors).toEqual(['Дата «01.04.2025» в будущем']);
  });

  it('imports with a warning what the directory does not know, and resolves same-named categories by sector', () => {
    const [unknown, bySector, ambiguous] = convertRows(
      [
        row(2, ['1', '', 'Т', '', 'Летающие тарелки', '', 'город Курск', 'перейти', '']),
        row(3, ['2', '', 'Т', '', 'Прочие по направлению', 'ЖКХ', 'Льгов', '', '']),
        row(4, ['3', '', 'Т', '', 'Прочие по направлению', '', '', '', '']),
      ],
      settings,
      ctx,
    );
    expect(unknown!.item).toMatchObject({ categoryCode: null, territoryCode: null, link: null });
    expect(unknown!.warnings).toEqual([
      'Нет даты поступления: взято время импорта',
      'Категории «Летающие тарелки» нет в справочнике',
      'Территория «город Курск» неоднозначна: укажите район или округ',
      'Ссылка «перейти» не похожа на адрес и не сохранена',
    ]);
    expect(bySector!.item).toMatchObject({ categoryCode: 'housing.misc', sector: 'housing', territoryCode: 'lgov' });
    expect(ambiguous!.warnings).toContain('Категория «Прочие по направлению» есть в нескольких блоках: укажите блок');
  });

  it('refuses a number repeated in the file on the later row, naming the first', () => {
    const rows = convertRows([row(2, ['42', '', 'a', '', '', '', '', '', '']), row(3, ['42', '', 'b', '', '', '', '', '', ''])], settings, ctx);
    expect(rows[0]!.item).not.toBeNull();
    expect(rows[1]!.errors).toEqual(['Номер «42» повторяется: он уже есть в строке 2']);
  });

  it('requires columns for the number and the text, within the file', () => {
    expect(settingsIssues({ ...settings, mapping: { text: 2, kind: 12 } }, 9)).toEqual([
      'Укажите столбец для поля «Номер»',
      'Столбца №13 для поля «Тип» в файле нет',
    ]);
  });
});
