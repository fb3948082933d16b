import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestItem } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../seed/demo-data.js';
import { spbCsvSource } from './simulate-sources.js';
import { guessCategoryCode, spbRowToIngestItem } from './spb-csv.js';

// Hand-written rows in the file's layout (a subset of its columns, in its order); not taken from the data.
const CSV = [
  'appeal_id,created_at,district,municipality,city_object,category_id,category,reason_id,text,address,final_status',
  '101,2021-01-10 09:15:00,Невский,Округ Тестовый,Двор,2,Благоустройство,12,"Во дворе не вывозят мусор, контейнер переполнен","г.Санкт-Петербург, Тестовая улица, дом 1",answered',
  '102,2021-01-10 10:00:00,Выборгский,Округ Тестовый,Дом,10,Содержание МКД,189,Не работает лифт во втором подъезде,,in_review',
  '103,2021-01-11 08:30:00,Центральный,Округ Тестовый,Улица,3,Благоустройство,3,"Снег на тротуаре, не чистят ""уже неделю""","г.Санкт-Петербург, Примерный проспект, дом 7",closed_auto',
  '104,2021-01-11 12:00:00,Новый,Округ Тестовый,Квартира,99,Неизвестная категория,1,,,moderation',
  ',2021-01-12 12:00:00,Невский,Округ Тестовый,Дом,21,Фасад,1,Строка без номера,,answered',
].join('\n');

function csvFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'okno-spb-'));
  const path = join(dir, 'appeals.csv');
  writeFileSync(path, `\uFEFF${CSV}\n`);
  return path;
}

async function readAll(limit: number | null) {
  const source = spbCsvSource(csvFile(), limit);
  const items: IngestItem[] = [];
  for await (const item of source.items) items.push(item);
  return { items, skipped: source.skipped() };
}

describe('«Наш Санкт-Петербург» CSV → ingest items', () => {
  it('maps each row to a valid appeal from the regional platform, skipping rows without an id', async () => {
    const { items, skipped } = await readAll(null);
    expect(items.map((i) => i.externalId)).toEqual(['spb-101', 'spb-102', 'spb-103', 'spb-104']);
    expect(skipped).toBe(1);
    for (const item of items) {
      expect(() => IngestItem.parse(item)).not.toThrow();
      expect(item).toMatchObject({ kind: 'appeal', channel: 'regional_platform', authorName: null, link: null });
    }
  });

  it('keeps the text and address as written, including quotes and commas', async () => {
    const { items } = await readAll(null);
    expect(items[0]?.text).toBe('Во дворе не вывозят мусор, контейнер переполнен');
    expect(items[0]?.address).toBe('г.Санкт-Петербург, Тестовая улица, дом 1');
    expect(items[2]?.text).toBe('Снег на тротуаре, не чистят "уже неделю"');
    expect(items[1]?.address).toBeNull();
  });

  it('guesses sector and category from the portal category and the text', async () => {
    const { items } = await readAll(null);
    expect(items.map((i) => [i.sector, i.categoryCode])).toEqual([
      ['waste', 'waste.container_sites'],
      ['housing', 'housing.elevators'],
      ['roads', 'roads.snow'],
      [null, null],
    ]);
  });

  it('maps districts to territory codes when it knows them', async () => {
    const { items } = await readAll(null);
    expect(items.map((i) => i.territoryCode)).toEqual(['spb.nevsky', 'spb.vyborgsky', 'spb.central', null]);
  });

  it('falls back to the portal category for a row without text', async () => {
    const { items } = await readAll(null);
    expect(items[3]?.text).toBe('Неизвестная категория');
  });

  it('stops after the requested number of items', async () => {
    expect((await readAll(2)).items).toHaveLength(2);
  });

  it('only ever guesses category codes that exist in the directory', () => {
    const known = new Set(CATEGORIES.map((c) => c.code));
    const categories = ['Благоустройство', 'Содержание МКД', 'Кровля', 'Фасад', 'Подвалы', 'Санитарное состояние',
      'Водоснабжение', 'Водоотведение', 'Центральное отопление', 'Нарушение правил пользования общим имуществом',
      'Нарушение порядка пользования общим имуществом', 'Незаконная информационная и (или) рекламная конструкция',
      'Состояние рекламных или информационных конструкций', 'Повреждения или неисправность элементов уличной инфраструктуры',
      'Незаконная реализация товаров с торгового оборудования (прилавок, ящик, с земли)'];
    const texts = ['', 'светофор', 'снег', 'яма на проезжей части', 'тротуар', 'контейнер', 'свалка', 'мусор', 'фонарь',
      'открыт люк', 'лифт'];
    for (const category of categories) {
      for (const text of texts) {
        const code = guessCategoryCode(category, text);
        expect(code && known.has(code), `${category} / ${text}`).toBe(true);
      }
    }
    expect(spbRowToIngestItem({ appeal_id: '' }, new Date())).toBeNull();
  });
});
