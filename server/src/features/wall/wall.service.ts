import { IsolationLevel } from '@mikro-orm/core';
import { SECTORS, type Sector, type WallCell, type WallDto, type WallTile } from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { currentSeq } from '../events/event-log.js';
import { wallScopeFor, type WallScope } from './wall-scope.js';

const OPEN = `status not in ('answered', 'closed')`;
const HOUR_MS = 3_600_000;
const BUCKETS = 24;

type Key = Sector | null;
const n = (v: string | number | null | undefined) => Number(v ?? 0);

async function counts(em: Em, scope: WallScope) {
  return em.execute<{ sector: Key; new: string; in_work: string; at_risk: string; overdue: string; mine: string }[]>(
    `select sector,
       count(*) filter (where status = 'new') as new,
       count(*) filter (where status <> 'new') as in_work,
       count(*) filter (where risk_state = 'at_risk') as at_risk,
       count(*) filter (where risk_state = 'overdue') as overdue,
       count(*) filter (where ${scope.mine}) as mine
     from item where ${OPEN} and ${scope.where} group by sector`,
  );
}

async function matrix(em: Em, scope: WallScope): Promise<WallCell[]> {
  const rows = await em.execute<{ sector: Key; territory_id: number | null; at_risk: string; overdue: string }[]>(
    `select sector, territory_id,
       count(*) filter (where risk_state = 'at_risk') as at_risk,
       count(*) filter (where risk_state = 'overdue') as overdue
     from item where ${OPEN} and risk_state <> 'on_time' and ${scope.where}
     group by sector, territory_id order by sector, territory_id`,
  );
  return rows.map((r) => ({ sector: r.sector, territoryId: r.territory_id, atRisk: n(r.at_risk), overdue: n(r.overdue) }));
}

/** Arrivals and closures per sector in hourly buckets of the last 24 hours before `now`. */
async function trend(em: Em, scope: WallScope, start: Date, now: Date) {
  const bucket = (column: string) =>
    `select sector, floor(extract(epoch from (${column} - ?::timestamptz)) / 3600)::int as bucket, count(*) as n
     from item where ${column} >= ?::timestamptz and ${column} <= ?::timestamptz and ${scope.where} group by 1, 2`;
  const range = [start.toISOString(), start.toISOString(), now.toISOString()];
  type Row = { sector: Key; bucket: number; n: string };
  const [arrived, closed] = await Promise.all([
    em.execute<Row[]>(bucket('received_at'), range),
    em.execute<Row[]>(bucket('closed_at'), range),
  ]);
  return { arrived, closed };
}

/**
 * The head's wall for one person: tiles per sector (new, in work, at risk, overdue, escalated
 * to the viewer, and the last day's arrivals and closures) and the sector × territory matrix
 * of at-risk and overdue items, read in one snapshot with the event seq it reflects.
 */
export async function wallFor(orm: Orm, actor: Actor, now: Date): Promise<WallDto> {
  const scope = wallScopeFor(actor);
  return orm.em.fork().transactional(
    async (em) => {
      const start = new Date(now.getTime() - BUCKETS * HOUR_MS);
      const seq = await currentSeq(em);
      const [rows, cells, t] = [await counts(em, scope), await matrix(em, scope), await trend(em, scope, start, now)];
      const keys: Key[] = scope.sectors ?? [...SECTORS, null];
      const tiles = new Map<Key, WallTile>(
        keys.map((sector) => [
          sector,
          { sector, new: 0, inWork: 0, atRisk: 0, overdue: 0, escalatedToMe: 0, arrived: Array<number>(BUCKETS).fill(0), closed: Array<number>(BUCKETS).fill(0) },
        ]),
      );
      for (const r of rows) {
        const tile = tiles.get(r.sector);
        if (!tile) continue;
        Object.assign(tile, { new: n(r.new), inWork: n(r.in_work), atRisk: n(r.at_risk), overdue: n(r.overdue), escalatedToMe: n(r.mine) });
      }
      for (const [list, field] of [[t.arrived, 'arrived'], [t.closed, 'closed']] as const) {
        for (const r of list) {
          const tile = tiles.get(r.sector);
          // The last bucket also holds what happened at `now` itself.
          if (tile && r.bucket >= 0) tile[field][Math.min(r.bucket, BUCKETS - 1)]! += n(r.n);
        }
      }
      return {
        now: now.toISOString(),
        seq,
        scope: scope.kind,
        sectors: scope.sectors,
        trendStart: start.toISOString(),
        tiles: [...tiles.values()],
        matrix: cells,
      };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}
