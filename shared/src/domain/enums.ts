/**
 * Domain vocabulary. Russian terms live here, once, beside their English identifiers;
 * the client's locale files translate the identifiers for display.
 */

/** Roles of a control centre (RULES.md, "Who works in a centre"). A person may hold several. */
export const ROLES = [
  'curator', // куратор
  'head', // руководитель
  'deputy_head', // заместитель руководителя
  'secretary', // секретарь
  'sector_lead', // ответственный за отраслевой блок
  'operator', // оператор
  'smm_officer', // ответственный за «Инцидент Менеджмент»
  'pos_officer', // ответственный за ПОС
  'analyst', // аналитик
  'executor', // представитель органа / организации
  'member', // член МЦУ
  'admin', // системный администратор
] as const;
export type Role = (typeof ROLES)[number];

/** Socially significant sectors (отраслевые блоки). */
export const SECTORS = [
  'housing', // ЖКХ
  'waste', // ТКО
  'energy', // энергетика
  'education', // образование
  'health', // здравоохранение
  'roads', // дороги
  'transport', // транспорт
  'social', // социальная защита
  'other', // прочее
] as const;
export type Sector = (typeof SECTORS)[number];

/** What an item is: a public post, a ПОС message, or a 59-ФЗ appeal. */
export const ITEM_KINDS = [
  'incident', // инцидент (публикация в соцсетях)
  'message', // сообщение (ПОС, не по 59-ФЗ)
  'appeal', // обращение (59-ФЗ)
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Where an item came from. */
export const CHANNELS = [
  'vk', // ВКонтакте
  'ok', // Одноклассники
  'telegram', // Telegram
  'other_social', // прочие соцсети
  'pos', // ПОС (Госуслуги)
  'call_centre', // колл-центр
  'regional_platform', // региональная платформа
  'email', // письменно / электронная почта
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Item lifecycle statuses; transitions are in lifecycle.ts. */
export const ITEM_STATUSES = [
  'new', // новое
  'in_work', // в работе у оператора
  'routed', // направлено исполнителю
  'answer_review', // ответ на проверке
  'answered', // ответ направлен заявителю
  'closed', // закрыто
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Escalation ladder: operator → sector lead → head (or deputy) → curator. */
export const ESCALATION_LEVELS = [
  'operator',
  'sector_lead',
  'head',
  'curator',
] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** Roles that receive an item at each step of the ladder. */
export const ROLES_AT_LEVEL: Record<EscalationLevel, readonly Role[]> = {
  operator: ['operator', 'smm_officer', 'pos_officer'],
  sector_lead: ['sector_lead'],
  head: ['head', 'deputy_head'],
  curator: ['curator'],
};

/** The next step up the ladder, or null at the top. */
export function nextEscalationLevel(level: EscalationLevel): EscalationLevel | null {
  const i = ESCALATION_LEVELS.indexOf(level);
  return ESCALATION_LEVELS[i + 1] ?? null;
}

/** Kinds of bodies and organisations in the directory (RULES.md, "Who works in a centre": executors). */
export const DEPARTMENT_KINDS = [
  'admin_unit', // структурное подразделение администрации
  'municipal_institution', // муниципальное учреждение
  'resource_supplier', // ресурсоснабжающая организация
  'management_company', // управляющая компания
  'regional_body', // региональный орган власти
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** How an item was closed; who may close with which result is in domain/closing.ts. */
export const CLOSE_RESULTS = [
  'resolved', // решено
  'explained', // дано разъяснение
  'redirected', // не в компетенции (перенаправлено)
  'duplicate', // дубликат (объединено с другим сообщением)
  'spam', // спам / не по теме
] as const;
export type CloseResult = (typeof CLOSE_RESULTS)[number];

/** Where an item's answer stands in quality control. */
export const ANSWER_STATES = [
  'draft', // черновик исполнителя
  'submitted', // на проверке
  'returned', // возвращён на доработку
  'approved', // одобрен и направлен заявителю
] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];

/** Where a citizen's satisfaction rating came from. */
export const RATING_SOURCES = ['ingest', 'call_centre'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];
