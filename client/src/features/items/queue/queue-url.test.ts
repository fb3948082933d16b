import { describe, expect, it } from 'vitest';
import { filterValues } from './queue-model';
import { ESCALATION_LEVELS } from '@okno/shared';
import { isEscalatedTo } from '../ladder';
import {
  ESCALATION_FILTER_VALUES,
  filtersFromSearch,
  isSameView,
  MINE,
  queueHref,
  sameFilters,
  searchForView,
  searchWithFilters,
  searchWithText,
  textFromSearch,
  viewQueryOf,
} from './queue-url';

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

describe('the free-text search in the address and in saved views', () => {
  it('reads the search from q, ignoring a blank one', () => {
    expect(textFromSearch('?kind=appeal&q=%D0%9A%D1%83%D1%80%D1%81%D0%BA')).toBe('Курск');
    expect(textFromSearch('?q=a+b')).toBe('a b');
    expect(textFromSearch('?q=%20%20')).toBeUndefined();
    expect(textFromSearch('?kind=appeal')).toBeUndefined();
  });

  it('writes the search after the filters and before other parameters, removing it when blank', () => {
    expect(searchWithText('?projector=1&kind=appeal', 'Курск')).toBe('?kind=appeal&q=%D0%9A%D1%83%D1%80%D1%81%D0%BA&projector=1');
    expect(searchWithText('?kind=appeal&q=x', '')).toBe('?kind=appeal');
    expect(searchWithText('?q=x', undefined)).toBe('');
    // Changing a filter keeps the search.
    expect(searchWithFilters('?kind=appeal&q=x', [{ id: 'kind', value: 'incident' }])).toBe('?kind=incident&q=x');
  });

  it('saves the search with the filters in a view, and only those', () => {
    const query = viewQueryOf([{ id: 'kind', value: 'appeal' }], ' Курск ');
    expect(query).toBe('?kind=appeal&q=%D0%9A%D1%83%D1%80%D1%81%D0%BA');
    expect(textFromSearch(query)).toBe('Курск');
    expect(viewQueryOf([], '  ')).toBe('');
  });

  it('applying a view replaces the filters and the search, keeping other parameters', () => {
    expect(searchForView('?sector=roads&q=old&projector=1', '?kind=appeal&q=new')).toBe('?kind=appeal&q=new&projector=1');
    expect(searchForView('?sector=roads&q=old', '?kind=appeal')).toBe('?kind=appeal');
    expect(searchForView('?sector=roads&q=old', '')).toBe('');
  });

  it('knows a view is the current one only when its search matches too (case and spacing aside)', () => {
    const filters = [{ id: 'kind', value: 'appeal' }];
    expect(isSameView('?kind=appeal&q=%D0%9A%D1%83%D1%80%D1%81%D0%BA', filters, ' курск ')).toBe(true);
    expect(isSameView('?kind=appeal&q=%D0%9A%D1%83%D1%80%D1%81%D0%BA', filters, undefined)).toBe(false);
    expect(isSameView('?kind=appeal', filters, 'Курск')).toBe(false);
    expect(isSameView('?kind=appeal', filters, undefined)).toBe(true);
  });
});

describe('the escalation filter', () => {
  it('offers every value the address accepts, "me" included, to everyone', () => {
    for (const value of [MINE, ...ESCALATION_LEVELS]) {
      expect(filtersFromSearch(`?escalation=${value}`)).toEqual([{ id: 'escalation', value }]);
      expect(ESCALATION_FILTER_VALUES).toContain(value);
    }
  });

  it('means by "me" what the wall means: for an operator nothing, for a lead what climbed to their step', () => {
    const operator = { roles: ['operator' as const], sectors: [] };
    const lead = { roles: ['sector_lead' as const], sectors: ['housing' as const] };
    const atOperators = { escalationLevel: 'operator' as const, sector: 'housing' as const, status: 'in_work' as const };
    const atLead = { ...atOperators, escalationLevel: 'sector_lead' as const };
    expect(isEscalatedTo(operator, atOperators)).toBe(false);
    expect(isEscalatedTo(operator, atLead)).toBe(false);
    expect(isEscalatedTo(lead, atLead)).toBe(true);
  });
});
