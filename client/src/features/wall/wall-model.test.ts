import type { WallDto, WallTile } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { filtersFromSearch } from '../items/queue/queue-url';
import { cellLink, changesWall, hasWall, heatOf, isProjector, matrixLayout, tileLink, trendData } from './wall-model';

const tile = (sector: WallTile['sector']): WallTile => ({
  sector,
  new: 0,
  inWork: 0,
  atRisk: 0,
  overdue: 0,
  escalatedToMe: 0,
  arrived: Array<number>(24).fill(0),
  closed: Array<number>(24).fill(0),
});
const search = (href: string) => href.slice(href.indexOf('?'));

describe('wall click-through links', () => {
  it('lead each tile count to the queue filtered the same way', () => {
    expect(tileLink('housing', 'atRisk')).toBe('/queue?sector=housing&risk=at_risk');
    expect(tileLink('housing', 'overdue')).toBe('/queue?sector=housing&risk=overdue');
    expect(tileLink('roads', 'new')).toBe('/queue?sector=roads&status=new');
    expect(tileLink(null, 'escalatedToMe')).toBe('/queue?sector=none&escalation=me');
    expect(filtersFromSearch(search(tileLink('waste', 'inWork')))).toEqual([
      { id: 'sector', value: 'waste' },
      { id: 'status', value: ['in_work', 'routed', 'answer_review'] },
    ]);
  });

  it('lead a matrix cell to its sector, territory and late items', () => {
    expect(cellLink('housing', 12)).toBe('/queue?sector=housing&territory=12&risk=at_risk,overdue');
    expect(cellLink(null, null)).toBe('/queue?sector=none&territory=none&risk=at_risk,overdue');
  });
});

describe('sector × territory matrix', () => {
  const wall: Pick<WallDto, 'tiles' | 'matrix'> = {
    tiles: [tile('housing'), tile('roads'), tile(null)],
    matrix: [
      { sector: 'housing', territoryId: 1, atRisk: 2, overdue: 8 },
      { sector: 'roads', territoryId: 9, atRisk: 4, overdue: 0 },
      { sector: null, territoryId: null, atRisk: 1, overdue: 0 },
    ],
  };

  it('has a cell for every sector and territory, zero where nothing is late', () => {
    const m = matrixLayout(wall, [2, 1]);
    expect(m.sectors).toEqual(['housing', 'roads', null]);
    expect(m.territories).toEqual([2, 1, 9, null]);
    expect(m.cell('housing', 1)).toEqual({ atRisk: 2, overdue: 8 });
    expect(m.cell('housing', 2)).toEqual({ atRisk: 0, overdue: 0 });
    expect(m.cell(null, null)).toEqual({ atRisk: 1, overdue: 0 });
    expect(m.max).toEqual({ atRisk: 4, overdue: 8 });
  });

  it('colours by overdue first, then by at risk, in four steps of the busiest cell', () => {
    const max = { atRisk: 4, overdue: 8 };
    expect(heatOf({ atRisk: 2, overdue: 8 }, max)).toEqual({ kind: 'overdue', level: 4 });
    expect(heatOf({ atRisk: 3, overdue: 1 }, max)).toEqual({ kind: 'overdue', level: 1 });
    expect(heatOf({ atRisk: 2, overdue: 0 }, max)).toEqual({ kind: 'atrisk', level: 2 });
    expect(heatOf({ atRisk: 0, overdue: 0 }, max)).toEqual({ kind: 'none', level: 0 });
  });
});

describe('wall live updates and trend', () => {
  it('refetches on every item event but a comment', () => {
    expect(changesWall({ data: { type: 'item.risk_changed', from: 'on_time', to: 'at_risk', auto: true } })).toBe(true);
    expect(
      changesWall({ data: { type: 'item.commented', comment: { id: 1, itemId: 1, author: { id: 1, name: 'А' }, text: 'x', createdAt: '' } } }),
    ).toBe(false);
  });

  it('puts the 24 hourly buckets on a time axis from trendStart', () => {
    const [xs, arrived, closed] = trendData('2026-12-01T00:00:00.000Z', [1, 2, 3], [0, 1]);
    const start = Date.UTC(2026, 11, 1) / 1000;
    expect(xs).toEqual([start, start + 3600, start + 7200]);
    expect(arrived).toEqual([1, 2, 3]);
    expect(closed).toEqual([0, 1, 0]);
  });
});

describe('who sees the wall and how', () => {
  it('is offered to the head, deputy, curator, sector leads, admin and analyst only', () => {
    expect(hasWall(['head', 'member'])).toBe(true);
    expect(hasWall(['sector_lead'])).toBe(true);
    expect(hasWall(['analyst'])).toBe(true);
    expect(hasWall(['operator'])).toBe(false);
    expect(hasWall(['secretary', 'member'])).toBe(false);
  });

  it('reads the projector mode from the address', () => {
    expect(isProjector('?projector=1')).toBe(true);
    expect(isProjector('?projector=true&x=1')).toBe(true);
    expect(isProjector('?projector=0')).toBe(false);
    expect(isProjector('')).toBe(false);
  });
});
