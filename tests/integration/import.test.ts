import type { ImportJobDto, ImportPreviewDto, ImportProgress, ImportSettings, ImportUploadDto, ItemDetail, ItemSnapshot } from '@okno/shared';
import { api, createTestDatabase, login, openSocket, startNode, type ClientSocket, type TestDatabase } from '@okno/server/testing';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Node = Awaited<ReturnType<typeof startNode>>;
let db: TestDatabase;
let node: Node;
let operator: string;
let executor: string;
let sql: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  [operator, executor] = await Promise.all([login(node.url, 'operator1'), login(node.url, 'executor_housing')]);
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await node?.close();
  await db?.drop();
});

const POS_HEADERS = ['№', 'Номер обращения', 'Дата поступления', 'Категория', 'Подкатегория', 'Текст обращения', 'Заявитель', 'Адрес', 'Муниципальное образование', 'Тип'];

/** A ПОС-like export: a title row, the header on row 3, 50 good rows, 5 bad ones among them. */
async function posWorkbook(): Promise<{ data: Buffer; badRows: number[] }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Сообщения');
  ws.addRow(['Выгрузка сообщений ПОС за период 01.02.2025 — 28.02.2025']);
  ws.addRow([]);
  ws.addRow(POS_HEADERS);
  const badRows: number[] = [];
  for (let i = 1; i <= 55; i++) {
    const received = new Date(Date.UTC(2025, 1, 1 + (i % 27), 8 + (i % 9), i % 60));
    const cells: unknown[] = [i, `ПОС-${1000 + i}`, received, 'ЖКХ', 'Отопление', `Нет отопления в доме ${i}`, `Заявитель ${i}`, `ул. Ленина, ${i}`, 'Курский район', i % 2 ? 'Сообщение' : 'Обращение'];
    if (i % 11 === 0) {
      // Rows 11, 22, 33, 44, 55 of data go wrong, each in its own way.
      const kind = i / 11;
      if (kind === 1) cells[5] = '';
      if (kind === 2) cells[2] = '31.02.2025 10:00';
      if (kind === 3) cells[9] = 'Благодарность';
      if (kind === 4) cells[1] = '';
      if (kind === 5) cells[1] = 'ПОС-1001'; // repeats the first row's number
      badRows.push(3 + i);
    }
    const row = ws.addRow(cells);
    row.getCell(3).numFmt = 'dd.mm.yyyy hh:mm';
  }
  return { data: Buffer.from(await wb.xlsx.writeBuffer()), badRows };
}

async function upload(token: string, fileName: string, data: Buffer): Promise<{ status: number; body: ImportUploadDto & { code?: string } }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), fileName);
  const res = await fetch(`${node.url}/api/import/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as ImportUploadDto & { code?: string } };
}

const settingsOf = (u: ImportUploadDto): ImportSettings => ({ mapping: u.suggestedMapping, defaults: u.suggestedDefaults });

async function runToEnd(token: string, jobId: string, settings: ImportSettings): Promise<ImportJobDto> {
  const started = await api<ImportJobDto>(node.url, token, `/api/import/${jobId}/run`, settings);
  expect(started.status).toBe(202);
  let job = started.body;
  await expect
    .poll(async () => {
      job = (await api<ImportJobDto>(node.url, token, `/api/import/${jobId}`)).body;
      return job.status;
    }, { timeout: 20_000 })
    .toMatch(/done|failed/);
  return job;
}

const itemsOfSource = async (source: string) =>
  (await api<ItemSnapshot>(node.url, operator, '/api/items')).body.items.filter((i) => i.source === source);

describe('import of a ПОС export (XLSX)', () => {
  let file: { data: Buffer; badRows: number[] };
  let uploaded: ImportUploadDto;

  it('upload recognises the ПОС headers below the title and suggests the mapping', async () => {
    file = await posWorkbook();
    const res = await upload(operator, 'pos-february.xlsx', file.data);
    expect(res.status).toBe(201);
    uploaded = res.body;
    expect(uploaded).toMatchObject({ format: 'xlsx', headerRow: 3, rowCount: 55, preset: 'pos' });
    expect(uploaded.columns.map((c) => c.name)).toEqual(POS_HEADERS);
    expect(uploaded.sampleRows[0]!.cells.slice(1, 3)).toEqual(['ПОС-1001', '02.02.2025 09:01']);
    expect(uploaded.suggestedMapping).toMatchObject({ externalId: 1, receivedAt: 2, sector: 3, category: 4, text: 5, authorName: 6, address: 7, territory: 8, kind: 9 });
    expect(uploaded.suggestedDefaults).toEqual({ kind: 'message', channel: 'pos', origin: 'pos' });
  });

  it('preview shows what will happen, with the bad rows and their reasons', async () => {
    const res = await api<ImportPreviewDto>(node.url, operator, `/api/import/${uploaded.jobId}/preview`, settingsOf(uploaded));
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ total: 55, valid: 50, invalid: 5, existing: 0, warned: 0 });
    expect(res.body.errorRows.map((r) => r.row)).toEqual(file.badRows);
    expect(res.body.rows[0]!.item).toMatchObject({ externalId: 'ПОС-1001', kind: 'message', channel: 'pos', sector: 'housing', categoryCode: 'housing.heating', territoryCode: 'kursky_district' });
    expect(res.body.rows[0]!.item!.receivedAt).toBe('2025-02-02T06:01:00.000Z'); // 09:01 Moscow time
  });

  it('run imports the 50 good rows, lists the 5 bad ones, and reports progress on the socket', async () => {
    const socket: ClientSocket = await openSocket(node.url, operator);
    const progress: ImportProgress[] = [];
    socket.on('import:progress', (p) => progress.push(p));
    const job = await runToEnd(operator, uploaded.jobId, settingsOf(uploaded));
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ created: 50, skipped: 0, failedCount: 5 });
    expect(job.result!.failed.map((f) => f.row)).toEqual(file.badRows);
    expect(job.result!.failed.map((f) => f.messages[0])).toEqual([
      'Нет текста',
      'Неверная дата «31.02.2025 10:00»: ожидается ДД.ММ.ГГГГ ЧЧ:ММ',
      'Неизвестный тип «Благодарность»: ожидается инцидент, сообщение или обращение',
      'Нет номера (внешнего идентификатора)',
      'Номер «ПОС-1001» повторяется: он уже есть в строке 4',
    ]);
    await expect.poll(() => progress.at(-1)?.status).toBe('done');
    expect(progress.at(-1)).toEqual({ jobId: uploaded.jobId, processed: 55, total: 55, status: 'done' });
    socket.close();

    const items = await itemsOfSource('import-pos');
    expect(items).toHaveLength(50);
    const detail = await api<ItemDetail>(node.url, operator, `/api/items/${items[0]!.id}`);
    expect(detail.body.events.map((e) => e.data.type)).toEqual(['item.created']);
    const me = await api<{ id: number; name: string }>(node.url, operator, '/api/auth/me');
    expect(detail.body.events[0]!.actor).toEqual({ id: me.body.id, name: me.body.name }); // the audit trail names who imported
    expect(detail.body.item.deadlines).not.toBeNull();
  });

  it('serves the per-row report as a CSV for Excel', async () => {
    const res = await fetch(`${node.url}/api/import/${uploaded.jobId}/errors.csv`, { headers: { authorization: `Bearer ${operator}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Строка;Номер;Результат;Сообщения');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe(`${file.badRows[0]};ПОС-1011;не импортирована;Нет текста`);
  });

  it('a second run of the same job is refused; re-importing the same file skips every row', async () => {
    const again = await api<{ code: string }>(node.url, operator, `/api/import/${uploaded.jobId}/run`, settingsOf(uploaded));
    expect(again.status).toBe(409);
    const second = (await upload(operator, 'pos-february.xlsx', file.data)).body;
    const preview = await api<ImportPreviewDto>(node.url, operator, `/api/import/${second.jobId}/preview`, settingsOf(second));
    expect(preview.body.summary.existing).toBe(50);
    const job = await runToEnd(operator, second.jobId, settingsOf(second));
    expect(job.result).toMatchObject({ created: 0, skipped: 50, failedCount: 5 });
    expect(await itemsOfSource('import-pos')).toHaveLength(50);
    const recent = await api<ImportJobDto[]>(node.url, operator, '/api/import');
    expect(recent.body.slice(0, 2).map((j) => [j.id, j.status, j.result?.created, j.result?.failedCount])).toEqual([
      [second.jobId, 'done', 0, 5],
      [uploaded.jobId, 'done', 50, 5],
    ]);
  });
});

describe('import of CSV exports', () => {
  it('reads an «Инцидент Менеджмент» CSV: UTF-8 with BOM, `;` delimiter, quoted multi-line texts', async () => {
    const lines = [
      'ID;Дата публикации;Соцсеть;Автор;Текст поста;Ссылка на пост;Важность',
      'im-1;03.03.2025 10:15;ВКонтакте;Анна К.;"Опять нет света;\nуже третий день";vk.com/wall-1_1;Высокая',
      'im-2;03.03.2025 11:00;Telegram;Канал «Курск сегодня»;Яма на Ленина;https://t.me/kursk/2;',
      'im-3;03.03.2025 12:00;Одноклассники;Пётр;"Мусор не вывозят";;Обычная',
    ];
    const data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
    const up = await upload(operator, 'im.csv', data);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', rowCount: 3, preset: 'im' });
    const job = await runToEnd(operator, up.body.jobId, settingsOf(up.body));
    expect(job.result).toMatchObject({ created: 3, skipped: 0, failedCount: 0 });
    const items = await itemsOfSource('import-im');
    const byId = new Map(items.map((i) => [i.externalId, i]));
    expect(byId.get('im-1')).toMatchObject({ kind: 'incident', channel: 'vk', text: 'Опять нет света;\nуже третий день', link: 'https://vk.com/wall-1_1', importance: 'high' });
    expect(byId.get('im-2')).toMatchObject({ channel: 'telegram', authorName: 'Канал «Курск сегодня»' });
    expect(byId.get('im-3')!.channel).toBe('ok');
  });

  it('reads a Windows-1251 CSV with `,` as Russian Excel may save it', async () => {
    const text = 'Номер сообщения,Текст сообщения,Дата создания\r\nW-1,"Нет воды, совсем",04.03.2025 09:00\r\n';
    const cp1251 = Buffer.from([...text].map((ch) => {
      const c = ch.charCodeAt(0);
      return c >= 0x410 && c <= 0x44f ? c - 0x410 + 0xc0 : c;
    }));
    const up = await upload(operator, 'pos.csv', cp1251);
    expect(up.body).toMatchObject({ encoding: 'windows-1251', delimiter: ',', rowCount: 1, preset: 'pos' });
    const preview = await api<ImportPreviewDto>(node.url, operator, `/api/import/${up.body.jobId}/preview`, settingsOf(up.body));
    expect(preview.body.rows[0]!.item).toMatchObject({ externalId: 'W-1', text: 'Нет воды, совсем', kind: 'message', channel: 'pos' });
    // Two clicks (or two nodes) at once: exactly one run starts.
    const runs = await Promise.all([1, 2].map(() => api(node.url, operator, `/api/import/${up.body.jobId}/run`, settingsOf(up.body))));
    expect(runs.map((r) => r.status).sort()).toEqual([202, 409]);
    await expect.poll(async () => (await api<ImportJobDto>(node.url, operator, `/api/import/${up.body.jobId}`)).body.result?.created).toBe(1);
  });
});

describe('a failed import writes nothing', () => {
  it('rolls back every row and event when the database refuses a row in the second chunk', async () => {
    // The database itself refuses one row at insert time (no validation could foresee it):
    // the run has already written the first chunk of 500 rows inside its transaction by then.
    await sql.query(`create function refuse_boom() returns trigger language plpgsql as $$
      begin if new.external_id = 'BOOM' then raise exception 'refused by test trigger'; end if; return new; end $$`);
    await sql.query('create trigger refuse_boom before insert on item for each row execute function refuse_boom()');
    try {
      const lines = ['Номер;Текст'];
      for (let i = 1; i <= 700; i++) lines.push(`${i === 650 ? 'BOOM' : `F-${i}`};Текст ${i}`);
      const up = await upload(operator, 'big.csv', Buffer.from(lines.join('\n')));
      const settings: ImportSettings = { mapping: up.body.suggestedMapping, defaults: { kind: 'message', channel: 'email', origin: 'file' } };
      const seqBefore = (await sql.query<{ seq: string | null }>('select max(seq) as seq from event')).rows[0]!.seq;
      const socket = await openSocket(node.url, operator);
      const progress: ImportProgress[] = [];
      socket.on('import:progress', (p) => progress.push(p));
      const job = await runToEnd(operator, up.body.jobId, settings);
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/ничего не записано/);
      expect(job.result).toBeNull();
      await expect.poll(() => progress.at(-1)?.status).toBe('failed');
      socket.close();
      const { rows } = await sql.query<{ n: string }>(`select count(*) as n from item where external_id like 'F-%'`);
      expect(Number(rows[0]!.n)).toBe(0);
      const seqAfter = (await sql.query<{ seq: string | null }>('select max(seq) as seq from event')).rows[0]!.seq;
      expect(seqAfter).toBe(seqBefore);
    } finally {
      await sql.query('drop trigger refuse_boom on item');
      await sql.query('drop function refuse_boom()');
    }
  });
});

describe('who may import', () => {
  it('refuses an executor, hides one person’s import from another, refuses an oversized file', async () => {
    const refused = await upload(executor, 'x.csv', Buffer.from('Номер;Текст\n1;а'));
    expect(refused.status).toBe(403);
    const mine = (await upload(operator, 'x.csv', Buffer.from('Номер;Текст\n1;а'))).body;
    expect((await api(node.url, executor, `/api/import/${mine.jobId}`)).status).toBe(403);
    const other = await login(node.url, 'operator2');
    expect((await api<{ code: string }>(node.url, other, `/api/import/${mine.jobId}`)).body.code).toBe('not_found');
    const big = await upload(operator, 'big.csv', Buffer.alloc(21 * 1024 * 1024, 0x61));
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('too_large');
  });
});

describe('workbooks with several sheets, and files that are not workbooks', () => {
  it('reads the data from sheet 2 when sheet 1 holds instructions, suggests its mapping and names the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('Инструкция');
    notes.addRow(['Выгрузка обращений ПОС за март']);
    notes.addRow(['Данные — на листе «Обращения»']);
    const data = wb.addWorksheet('Обращения');
    data.addRow(POS_HEADERS);
    for (let i = 1; i <= 4; i++) data.addRow([i, `ЛИСТ-${i}`, '10.03.2025 09:00', 'ЖКХ', 'Отопление', `Холодно в доме ${i}`, `Заявитель ${i}`, '', 'Курский район', 'Сообщение']);
    const pivot = wb.addWorksheet('Свод');
    pivot.addRow(['Категория', 'Количество']);
    pivot.addRow(['Отопление', 4]);
    const up = await upload(operator, 'pos-march.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ format: 'xlsx', headerRow: 1, rowCount: 4, preset: 'pos', sheet: { name: 'Обращения', index: 2, count: 3 } });
    expect(up.body.suggestedMapping).toMatchObject({ externalId: 1, receivedAt: 2, sector: 3, category: 4, text: 5, authorName: 6, territory: 8, kind: 9 });
    expect(up.body.sampleRows.map((r) => r.cells[1])).toEqual(['ЛИСТ-1', 'ЛИСТ-2', 'ЛИСТ-3', 'ЛИСТ-4']);
    const preview = await api<ImportPreviewDto>(node.url, operator, `/api/import/${up.body.jobId}/preview`, settingsOf(up.body));
    expect(preview.body.summary).toMatchObject({ total: 4, valid: 4, invalid: 0 });
  });

  it('refuses a ZIP renamed to .xlsx as not an Excel table', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'Номер;Текст\n1;Яма');
    zip.file('export/data.csv', 'Номер;Текст\n1;Яма');
    const res = await upload(operator, 'export.xlsx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation', message: expect.stringMatching(/не таблица Excel/) });
  });

  it('lists a file uploaded but not run for an hour, then leaves it out; finished imports stay', async () => {
    const csv = Buffer.from('Номер;Текст\nU-1;Текст');
    const [stale, fresh] = [(await upload(operator, 'stale.csv', csv)).body, (await upload(operator, 'fresh.csv', csv)).body];
    const listed = async () => (await api<ImportJobDto[]>(node.url, operator, '/api/import')).body.map((j) => [j.id, j.status]);
    expect(await listed()).toEqual(expect.arrayContaining([[stale.jobId, 'uploaded'], [fresh.jobId, 'uploaded']]));
    const { rows } = await sql.query<{ id: string }>(`select id from import_job where status = 'done' order by created_at limit 1`);
    await sql.query(`update import_job set created_at = now() - interval '61 minutes' where id = any($1)`, [[stale.jobId, rows[0]!.id]]);
    const after = await listed();
    expect(after.map(([id]) => id)).not.toContain(stale.jobId);
    expect(after).toEqual(expect.arrayContaining([[fresh.jobId, 'uploaded'], [rows[0]!.id, 'done']]));
  });
});
