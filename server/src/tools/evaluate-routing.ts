/**
 * `pnpm evaluate-routing [--data DIR]`
 *
 * Checks the demo routing rules against real appeals in `../shared/data` (never copied into the
 * repository): the Kursk feedback-platform set (topic → responsible body) and the «Наш
 * Санкт-Петербург» portal (category → responsible organisation). Prints how often `resolveRoute`
 * picks a body of the same kind as the real one. Texts are read only to guess the territory.
 */
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { bodyKind } from './routing-eval/body-kinds.js';
import { evaluateRouting, formatAgreement, type MappedAppeal } from './routing-eval/evaluate.js';
import { kurskCategory, kurskCounterpart, kurskTerritory } from './routing-eval/kursk-topics.js';
import { SPB_DISTRICTS, guessCategoryCode } from './spb-csv.js';

const CITY_OKRUGS = ['kursk.central', 'kursk.railway', 'kursk.seym'];

async function* rows(path: string): AsyncGenerator<Record<string, string>> {
  const parser = createReadStream(path).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }));
  for await (const record of parser as AsyncIterable<Record<string, string>>) yield record;
}

/** Maps rows with `map`, counting the ones it cannot map. */
async function mapped(path: string, map: (row: Record<string, string>) => MappedAppeal | null): Promise<{ appeals: MappedAppeal[]; skipped: number }> {
  const appeals: MappedAppeal[] = [];
  let skipped = 0;
  for await (const row of rows(path)) {
    const a = map(row);
    if (a) appeals.push(a);
    else skipped++;
  }
  return { appeals, skipped };
}

function kurskAppeal(row: Record<string, string>): MappedAppeal | null {
  const realKind = bodyKind(row.responsible ?? '');
  const categoryCode = kurskCategory(row.topic ?? '');
  if (!realKind || !categoryCode) return null;
  return { categoryCode, territoryCode: kurskTerritory(row.text ?? ''), realKind, counterpart: kurskCounterpart(row.responsible ?? '') };
}

// St Petersburg's 18 districts are not in the demo region: each stands in for one of the regional centre's okrugs.
const SPB_OKRUG = new Map(Object.keys(SPB_DISTRICTS).sort().map((d, i) => [d, CITY_OKRUGS[i % CITY_OKRUGS.length]!]));

function spbAppeal(row: Record<string, string>): MappedAppeal | null {
  const realKind = bodyKind(row.responsible_org ?? '');
  const categoryCode = guessCategoryCode(row.category ?? '', row.text ?? '');
  if (!realKind || !categoryCode) return null;
  return { categoryCode, territoryCode: SPB_OKRUG.get(row.district?.trim() ?? '') ?? 'kursk.central', realKind };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { data: { type: 'string' } } });
  // `pnpm evaluate-routing` runs from the project root; the data lives beside it.
  const root = process.env.INIT_CWD ?? process.cwd();
  const dir = values.data ? resolve(root, values.data) : resolve(root, '../shared/data');
  const kursk = resolve(dir, 'kursk/train.csv');
  const spb = resolve(dir, 'spb-nash-peterburg/appeals.csv');
  const missing = [kursk, spb].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    console.error(`Нет данных для проверки маршрутизации: ${missing.join(', ')}.\n` +
      'Ожидается каталог ../shared/data рядом с проектом (см. его README) или --data КАТАЛОГ. Данные не входят в репозиторий.');
    return 2;
  }
  const k = await mapped(kursk, kurskAppeal);
  console.log(formatAgreement('Курская область (kursk/train.csv)', evaluateRouting(k.appeals), k.skipped));
  console.log();
  const s = await mapped(spb, spbAppeal);
  console.log(formatAgreement('Санкт-Петербург («Наш Санкт-Петербург», appeals.csv)', evaluateRouting(s.appeals), s.skipped));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
