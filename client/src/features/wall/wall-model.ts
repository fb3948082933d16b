import type { ItemEvent, Role, Sector, WallDto } from '@okno/shared';
import { NONE } from '../items/queue/queue-model';
import { MINE, queueHref } from '../items/queue/queue-url';

/** Roles that have a wall (the server scopes what each sees). */
const WALL_ROLES: readonly Role[] = ['head', 'deputy_head', 'curator', 'sector_lead', 'admin', 'analyst'];

export function hasWall(roles: readonly Role[]): boolean {
  return roles.some((r) => WALL_ROLES.includes(r));
}

/** Whether the address asks for the projector mode (`/wall?projector=1`). */
export function isProjector(search: string): boolean {
  const value = new URLSearchParams(search).get('projector');
  return value === '1' || value === 'true';
}

/** A tile's sector; null is the tile of items not yet categorised. */
export type SectorKey = Sector | null;
export type TerritoryKey = number | null;

export const TILE_COUNTS = ['new', 'inWork', 'atRisk', 'overdue', 'escalatedToMe'] as const;
export type TileCount = (typeof TILE_COUNTS)[number];

/** Statuses the wall counts as "in work": open and past "new". */
const IN_WORK = ['in_work', 'routed', 'answer_review'] as const;

/** Every event changes some count, except a comment. */
export function changesWall(event: Pick<ItemEvent, 'data'>): boolean {
  return event.data.type !== 'item.commented';
}

const keyOf = (sector: SectorKey) => sector ?? NONE;

/** The queue, filtered to the items behind one count of a tile. */
export function tileLink(sector: SectorKey, count: TileCount): string {
  const s = keyOf(sector);
  switch (count) {
    case 'new':
      return queueHref({ sector: s, status: 'new' });
    case 'inWork':
      return queueHref({ sector: s, status: IN_WORK });
    case 'atRisk':
      return queueHref({ sector: s, risk: 'at_risk' });
    case 'overdue':
      return queueHref({ sector: s, risk: 'overdue' });
    case 'escalatedToMe':
      return queueHref({ sector: s, escalation: MINE });
    default: {
      const never: never = count;
      throw new Error(`unknown tile count ${String(never)}`);
    }
  }
}

/** The queue, filtered to the late items of one matrix cell. */
export function cellLink(sector: SectorKey, territory: TerritoryKey): string {
  return queueHref({ sector: keyOf(sector), territory: territory === null ? NONE : String(territory), risk: ['at_risk', 'overdue'] });
}

export interface CellCounts {
  atRisk: number;
  overdue: number;
}

export interface MatrixLayout {
  sectors: SectorKey[];
  territories: TerritoryKey[];
  cell: (sector: SectorKey, territory: TerritoryKey) => CellCounts;
  /** The largest counts of any cell, for the colour scale. */
  max: CellCounts;
}

const cellKey = (sector: SectorKey, territory: TerritoryKey) => `${sector ?? ''}|${territory ?? ''}`;
const ZERO: CellCounts = { atRisk: 0, overdue: 0 };

/**
 * Rows: the wall's tiles' sectors. Columns: the directory's territories in the given order,
 * then any territory the counts name that the directory lacks, then "no territory" when some
 * late item has none. Every cell exists (zero when nothing is late), so the grid is stable.
 */
export function matrixLayout(wall: Pick<WallDto, 'tiles' | 'matrix'>, territoryIds: readonly number[]): MatrixLayout {
  const cells = new Map(wall.matrix.map((c) => [cellKey(c.sector, c.territoryId), { atRisk: c.atRisk, overdue: c.overdue }]));
  const known = new Set(territoryIds);
  const extra = [...new Set(wall.matrix.map((c) => c.territoryId).filter((id): id is number => id !== null && !known.has(id)))];
  const territories: TerritoryKey[] = [...territoryIds, ...extra.sort((a, b) => a - b)];
  if (wall.matrix.some((c) => c.territoryId === null)) territories.push(null);
  const sectors = wall.tiles.map((t) => t.sector);
  const shown = wall.matrix.filter((c) => sectors.includes(c.sector));
  return {
    sectors,
    territories,
    cell: (sector, territory) => cells.get(cellKey(sector, territory)) ?? ZERO,
    max: {
      atRisk: Math.max(0, ...shown.map((c) => c.atRisk)),
      overdue: Math.max(0, ...shown.map((c) => c.overdue)),
    },
  };
}

/**
 * A cell's colour: red by its overdue count when it has overdue items, else amber by its
 * at-risk count; four steps relative to the busiest cell, 0 when nothing is late.
 */
export function heatOf(cell: CellCounts, max: CellCounts): { kind: 'overdue' | 'atrisk' | 'none'; level: number } {
  const step = (n: number, top: number) => Math.max(1, Math.min(4, Math.ceil((4 * n) / Math.max(1, top))));
  if (cell.overdue > 0) return { kind: 'overdue', level: step(cell.overdue, max.overdue) };
  if (cell.atRisk > 0) return { kind: 'atrisk', level: step(cell.atRisk, max.atRisk) };
  return { kind: 'none', level: 0 };
}

/** uPlot data for a tile's trend: hour starts (seconds) and the arrived and closed counts. */
export function trendData(trendStart: string, arrived: readonly number[], closed: readonly number[]): [number[], number[], number[]] {
  const start = Date.parse(trendStart) / 1000;
  const xs = arrived.map((_, i) => start + i * 3600);
  return [xs, [...arrived], arrived.map((_, i) => closed[i] ?? 0)];
}

export const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
