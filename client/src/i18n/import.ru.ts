import { pluralRu as plural } from '@okno/shared';
import type { ImportField, ImportOrigin, ImportPreset, ImportStatus } from '@okno/shared';

const field: Record<ImportField, string> = {
  externalId: 'Номер (внешний ID)',
  text: 'Текст',
  title: 'Заголовок',
  receivedAt: 'Дата поступления',
  kind: 'Тип',
  channel: 'Канал',
  authorName: 'Заявитель / автор',
  address: 'Адрес',
  link: 'Ссылка',
  sector: 'Отраслевой блок',
  category: 'Категория',
  territory: 'Территория',
  importance: 'Важность',
};

const origin: Record<ImportOrigin, string> = {
  pos: 'ПОС (import-pos)',
  im: '«Инцидент Менеджмент» (import-im)',
  file: 'Прочие файлы (import-file)',
};

const preset: Record<ImportPreset, string> = {
  pos: 'Похоже на выгрузку ПОС',
  im: 'Похоже на выгрузку «Инцидент Менеджмент»',
};

const status: Record<ImportStatus, string> = {
  uploaded: 'не запущен', // «загружен» read as «imported»
  running: 'импортируется',
  done: 'завершён',
  failed: 'не выполнен',
};

/** Texts of the import screens and dialogs (ru). */
export const importRu = {
  nav: 'Импорт',
  title: 'Импорт выгрузок',
  note: 'Загрузите выгрузку ПОС или «Инцидент Менеджмент» в формате XLSX или CSV, сопоставьте столбцы и проверьте, что получится. Повторный импорт того же файла пропускает уже загруженные сообщения.',
  forbidden: 'Импорт доступен только сотрудникам смены центра.',
  drop: 'Перетащите файл сюда или',
  choose: 'выберите файл',
  limits: 'XLSX или CSV (UTF-8, Windows-1251; разделитель «;» или «,»), до 20 МБ и 100 000 строк.',
  uploading: (percent: number) => `Загрузка файла… ${percent}%`,
  uploadFailed: 'Не удалось загрузить файл',
  fileInfo: (name: string, rows: number, header: number) => `${name}: ${rows} ${plural(rows, 'строка', 'строки', 'строк')} данных, заголовок в строке ${header}`,
  sheetInfo: (name: string, index: number, count: number) => `лист «${name}» (${index} из ${count})`,
  csvInfo: (encoding: string, delimiter: string) => `кодировка ${encoding}, разделитель «${delimiter === '\t' ? 'табуляция' : delimiter}»`,
  another: 'Другой файл',
  preset,
  sample: 'Первые строки файла',
  row: 'Строка',
  mapping: 'Сопоставление столбцов',
  mappingHint: 'Для каждого поля выберите столбец файла. Обязательны номер и текст.',
  required: 'обязательно',
  notImported: '— не загружать —',
  column: (n: number, name: string) => `${n}. ${name}`,
  field,
  defaults: 'Значения по умолчанию',
  defaultsHint: 'Используются, когда столбец не выбран или ячейка пуста.',
  defaultKind: 'Тип',
  defaultChannel: 'Канал',
  none: '— нет —',
  origin: 'Источник',
  originHint: 'Повторный импорт распознаётся по номеру в пределах источника.',
  origins: origin,
  preview: 'Предпросмотр',
  previewLoading: 'Проверяем строки…',
  previewFailed: 'Не удалось проверить строки',
  summary: (total: number, valid: number, invalid: number, existing: number) =>
    `Всего строк: ${total}. Будет загружено: ${valid - existing}, уже загружено ранее: ${existing}, с ошибками: ${invalid}.`,
  warnedCount: (n: number) => `С замечаниями (загрузятся): ${n}`,
  onlyErrors: 'Только строки с ошибками',
  noErrors: 'Ошибок нет.',
  exists: 'уже загружено',
  rowOk: 'будет загружено',
  item: {
    number: 'Номер',
    kind: 'Тип',
    channel: 'Канал',
    received: 'Поступило',
    text: 'Текст',
    category: 'Категория / территория',
    issues: 'Ошибки и замечания',
  },
  receivedNow: 'время импорта',
  run: (n: number) => `Импортировать ${n}`,
  runNote: {
    unmapped: 'Выберите столбцы для номера и текста: без них строки не загрузить.',
    noValid: 'Ни одну строку нельзя загрузить: исправьте сопоставление столбцов или ошибки в файле.',
    allExisting: 'Все строки уже загружены ранее — импортировать нечего.',
    nothingNew: 'Строки без ошибок уже загружены ранее — импортировать нечего. Исправьте ошибки в файле, чтобы загрузить остальные.',
  },
  running: 'Импорт идёт…',
  progress: (processed: number, total: number) => `Обработано ${processed} из ${total}`,
  status,
  done: 'Импорт завершён',
  failed: 'Импорт не выполнен',
  failedNothing: 'Ничего не записано: можно исправить причину и запустить импорт снова.',
  retry: 'Запустить снова',
  result: (created: number, skipped: number, failed: number) =>
    `Создано: ${created}. Пропущено (уже были): ${skipped}. Не загружено из-за ошибок: ${failed}.`,
  failedRows: 'Строки, которые не загружены',
  warnedRows: 'Загружены с замечаниями',
  moreRows: (n: number) => `…и ещё ${n}: полный список в отчёте`,
  report: 'Скачать отчёт по строкам (CSV)',
  toQueue: 'Перейти к очереди',
  recent: 'Последние импорты',
  recentEmpty: 'Импортов ещё не было.',
  at: 'Когда',
  file: 'Файл',
  state: 'Состояние',
  outcome: 'Итог',
  outcomeShort: (created: number, skipped: number, failed: number) => `+${created}, пропущено ${skipped}, ошибок ${failed}`,
};
