import {
  buildWorkingCalendar,
  makeCentre,
  type Centre,
  type DeadlinePolicy,
  type WorkingCalendar,
} from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import { CalendarYearRow, CentreSettingsRow, DeadlinePolicyRow } from './settings.entity.js';

/** Everything the deadline engine needs, compiled once per settings revision. */
export interface DeadlineRules {
  readonly revision: number;
  readonly policies: readonly DeadlinePolicy[];
  readonly calendar: WorkingCalendar;
  readonly centre: Centre;
}

/** The settings revision: the highest id of the append-only revision log. */
export async function settingsRevision(em: Em): Promise<number> {
  const [row] = await em.execute<{ id: string | null }[]>('select max(id) as id from settings_revision');
  return Number(row?.id ?? 0);
}

async function loadRules(em: Em, revision: number): Promise<DeadlineRules> {
  const [policies, years, centre] = await Promise.all([
    em.find(DeadlinePolicyRow, {}, { orderBy: { id: 'asc' } }),
    em.find(CalendarYearRow, {}, { orderBy: { year: 'asc' } }),
    em.findOneOrFail(CentreSettingsRow, { id: 1 }),
  ]);
  return {
    revision,
    policies: policies.map((p) => ({ ...p.body, id: p.code })),
    calendar: buildWorkingCalendar(years.map((y) => ({ ...y.body, year: y.year }))),
    centre: makeCentre(centre.body),
  };
}

/**
 * Per-process cache of the compiled rules. A node that changes the settings drops its copy at
 * once; other nodes notice the new revision when their copy is older than `ttlMs` (one cheap
 * `max(id)` query per TTL). Changes apply to new clocks only, so a few seconds of lag are safe.
 */
export class DeadlineRulesCache {
  private cached: DeadlineRules | null = null;
  private checkedAt = 0;

  constructor(private readonly ttlMs: number) {}

  /** The current rules, read through `em` (inside the caller's transaction, if any). */
  async get(em: Em): Promise<DeadlineRules> {
    const now = performance.now();
    if (this.cached && now - this.checkedAt < this.ttlMs) return this.cached;
    const revision = await settingsRevision(em);
    if (!this.cached || this.cached.revision !== revision) this.cached = await loadRules(em, revision);
    this.checkedAt = now;
    return this.cached;
  }

  invalidate(): void {
    this.cached = null;
  }
}

const caches = new WeakMap<Orm, DeadlineRulesCache>();

/** The rules cache of the node that owns `orm` (one ORM per node, also in multi-node tests). */
export function deadlineRules(orm: Orm, ttlMs = 10_000): DeadlineRulesCache {
  let cache = caches.get(orm);
  if (!cache) {
    cache = new DeadlineRulesCache(ttlMs);
    caches.set(orm, cache);
  }
  return cache;
}
