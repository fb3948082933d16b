import { describe, expect, it } from 'vitest';
import { filterValues } from './queue-model';
import { filtersFromSearch, queueHref, sameFilters, searchWithFilters } from './queue-url';

describe('queue filters in the address', () => {
  it('reads column filters from query parameters', () => {
    expect(filtersFromSearch('?sector=housing&risk=overdue')).toEqual([
      { id: 'sector', value: 'housing' },
      { id: 'risk', value: 'overdue' },
    ]);
  });

  it('accepts several values separated by commas, without duplicates', () => {
    expect(filtersFromSearch('?status=in_work,routed,in_work&escalation=me')).toEqual([
      { id: 'status', value: ['in_work', 'routed'] },
      { id: 'escalation', value: 'me' },
    ]);
  });

  it('ignores unknown keys and invalid values rather than failing', () => {
    expect(filtersFromSearch('?sector=moon&risk=late,at_risk&territory=abc&category=0&foo=1&projector=1')).toEqual([
      { id: 'risk', value: 'at_risk' },
    ]);
    expect(filtersFromSearch('?territory=12&category=none&assignee=7')).toEqual([
      { id: 'category', value: 'none' },
      { id: 'territory', value: '12' },
      { id: 'assignee', value: '7' },
    ]);
    expect(filtersFromSearch('')).toEqual([]);
  });

  it('reads "my items" as assignee=me, so a shared view works for whoever applies it', () => {
    expect(filtersFromSearch('?assignee=me&risk=overdue')).toEqual([
      { id: 'assignee', value: 'me' },
      { id: 'risk', value: 'overdue' },
    ]);
    expect(filtersFromSearch('?assignee=you')).toEqual([]);
  });

  it('writes filters back in a fixed order and keeps parameters that are not filters', () => {
    const search = searchWithFilters('?q=x&sector=roads', [
      { id: 'risk', value: ['at_risk', 'overdue'] },
      { id: 'sector', value: 'housing' },
    ]);
    expect(search).toBe('?sector=housing&risk=at_risk,overdue&q=x');
    expect(searchWithFilters('?sector=roads', [])).toBe('');
  });

  it('round-trips: what it writes it reads back as the same filters', () => {
    const filters = [
      { id: 'status', value: ['new', 'in_work'] },
      { id: 'territory', value: 'none' },
      { id: 'escalation', value: 'me' },
    ];
    expect(sameFilters(filtersFromSearch(searchWithFilters('', filters)), filters)).toBe(true);
  });

  it('builds links to a filtered queue', () => {
    expect(queueHref({ sector: 'housing', risk: 'overdue' })).toBe('/queue?sector=housing&risk=overdue');
    expect(queueHref({ sector: 'none', status: ['in_work', 'routed', 'answer_review'] })).toBe(
      '/queue?sector=none&status=in_work,routed,answer_review',
    );
    expect(queueHref({})).toBe('/queue');
  });

  it('compares filter states regardless of order', () => {
    expect(sameFilters([{ id: 'risk', value: ['overdue', 'at_risk'] }, { id: 'sector', value: 'waste' }], [
      { id: 'sector', value: 'waste' },
      { id: 'risk', value: ['at_risk', 'overdue'] },
    ])).toBe(true);
    expect(sameFilters([{ id: 'sector', value: 'waste' }], [{ id: 'sector', value: 'roads' }])).toBe(false);
    expect(filterValues(undefined)).toEqual([]);
  });
});
