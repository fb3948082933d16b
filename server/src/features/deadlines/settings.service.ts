import {
  AppError,
  calendarYearIssues,
  centreSettingsIssues,
  policyIssues,
  type DeadlineSettingsDto,
  type SaveCalendarInput,
  type SaveCentreInput,
  type SavePolicyInput,
  type SettingsRevisionDto,
} from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import { requireRole, type Actor } from '../auth/actor.js';
import { deadlineRules, settingsRevision } from './rules.js';
import { CalendarYearRow, CentreSettingsRow, DeadlinePolicyRow, SettingsRevision } from './settings.entity.js';

/** Serialises settings edits, so each is validated against the whole set it lands on. */
const SETTINGS_LOCK = 7_301_010;

export async function deadlineSettings(orm: Orm): Promise<DeadlineSettingsDto> {
  const em = orm.em.fork();
  const [revision, policies, years, centre] = await Promise.all([
    settingsRevision(em),
    em.find(DeadlinePolicyRow, {}, { orderBy: { id: 'asc' } }),
    em.find(CalendarYearRow, {}, { orderBy: { year: 'asc' } }),
    em.findOneOrFail(CentreSettingsRow, { id: 1 }),
  ]);
  return {
    revision,
    policies: policies.map((p) => ({ code: p.code, version: p.version, policy: p.body })),
    calendars: years.map((y) => ({ year: y.year, version: y.version, calendar: y.body })),
    centre: { version: centre.version, centre: centre.body },
  };
}

const refuse = (issues: string[]) => {
  if (issues.length > 0) throw new AppError('validation', `Настройки сроков не приняты: ${issues.join('; ')}`, { issues });
};

function checkVersion(current: { version: number } | null, seen: number | null, what: string): void {
  if (current === null && seen !== null) throw new AppError('not_found', `${what} не найдено`);
  if (current !== null && seen !== current.version) {
    throw new AppError('conflict', `${what}: запись уже изменена другим администратором. Обновите и повторите.`, {
      currentVersion: current.version,
      seenVersion: seen,
    });
  }
}

/** One audited settings change: admin only, serialised, validated, recorded with the reason. */
async function change(
  orm: Orm,
  actor: Actor,
  reason: string,
  target: SettingsRevisionDto['target'],
  key: string,
  apply: (em: Em) => Promise<{ before: unknown; after: unknown; version: number }>,
): Promise<DeadlineSettingsDto> {
  requireRole(actor, ['admin'], 'изменять сроки и календари может администратор');
  await orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [SETTINGS_LOCK]);
    const { before, after, version } = await apply(em);
    em.create(SettingsRevision, { at: new Date(), actorId: actor.id, actorName: actor.name, target, key, version, reason, before, after });
    await em.flush();
  });
  deadlineRules(orm).invalidate();
  return deadlineSettings(orm);
}

export function savePolicy(orm: Orm, actor: Actor, code: string, input: SavePolicyInput): Promise<DeadlineSettingsDto> {
  return change(orm, actor, input.reason, 'policy', code, async (em) => {
    const row = await em.findOne(DeadlinePolicyRow, { code });
    checkVersion(row, input.version, `Правило сроков ${code}`);
    const all = await em.find(DeadlinePolicyRow, { code: { $ne: code } });
    refuse(policyIssues([...all.map((p) => ({ ...p.body, id: p.code })), { ...input.policy, id: code }]));
    const before = row?.body ?? null;
    const saved = row ?? em.create(DeadlinePolicyRow, { code, body: input.policy });
    saved.body = input.policy;
    await em.flush();
    return { before, after: input.policy, version: saved.version };
  });
}

export function deletePolicy(orm: Orm, actor: Actor, code: string, version: number, reason: string): Promise<DeadlineSettingsDto> {
  return change(orm, actor, reason, 'policy', code, async (em) => {
    const row = await em.findOne(DeadlinePolicyRow, { code });
    if (!row) throw new AppError('not_found', `Правило сроков ${code} не найдено`);
    checkVersion(row, version, `Правило сроков ${code}`);
    const rest = await em.find(DeadlinePolicyRow, { code: { $ne: code } });
    refuse(policyIssues(rest.map((p) => ({ ...p.body, id: p.code }))));
    const before = row.body;
    em.remove(row);
    await em.flush();
    return { before, after: null, version: version + 1 };
  });
}

export function saveCalendar(orm: Orm, actor: Actor, year: number, input: SaveCalendarInput): Promise<DeadlineSettingsDto> {
  return change(orm, actor, input.reason, 'calendar', String(year), async (em) => {
    const row = await em.findOne(CalendarYearRow, { year });
    checkVersion(row, input.version, `Производственный календарь ${year}`);
    const candidate = { ...input.calendar, year };
    refuse(calendarYearIssues(candidate));
    const before = row?.body ?? null;
    const saved = row ?? em.create(CalendarYearRow, { year, body: input.calendar });
    saved.body = input.calendar;
    await em.flush();
    return { before, after: input.calendar, version: saved.version };
  });
}

export function saveCentre(orm: Orm, actor: Actor, input: SaveCentreInput): Promise<DeadlineSettingsDto> {
  return change(orm, actor, input.reason, 'centre', 'centre', async (em) => {
    const row = await em.findOneOrFail(CentreSettingsRow, { id: 1 });
    checkVersion(row, input.version, 'Режим работы центра');
    refuse(centreSettingsIssues(input.centre));
    const before = row.body;
    row.body = input.centre;
    await em.flush();
    return { before, after: input.centre, version: row.version };
  });
}

export async function settingsRevisions(orm: Orm, limit: number): Promise<SettingsRevisionDto[]> {
  const rows = await orm.em.fork().find(SettingsRevision, {}, { orderBy: { id: 'desc' }, limit });
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorId != null ? { id: r.actorId, name: r.actorName ?? '' } : null,
    target: r.target,
    key: r.key,
    version: r.version,
    reason: r.reason,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
}
