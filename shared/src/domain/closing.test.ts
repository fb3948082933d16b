import { describe, expect, it } from 'vitest';
import {
  checkClose,
  checkRating,
  CLOSE_RULES,
  QUALITY_VIEWER_ROLES,
  ratingReopens,
  statusAfterReopen,
  type ClosableItem,
  type RatableItem,
} from './closing.js';
import { CLOSE_RESULTS, ITEM_STATUSES } from './enums.js';

const item = (status: ClosableItem['status'], extra: Partial<ClosableItem> = {}): ClosableItem => ({
  id: 1,
  status,
  mergedIntoId: null,
  answerState: null,
  ...extra,
});
const main = { id: 2, status: 'in_work' as const, mergedIntoId: null };

describe('closing rules (CLOSE_RULES)', () => {
  it('has a rule for every close result, none reachable by executors, analysts or members', () => {
    expect(Object.keys(CLOSE_RULES).sort()).toEqual([...CLOSE_RESULTS].sort());
    for (const result of CLOSE_RESULTS) {
      for (const roles of [['executor'], ['analyst'], ['member'], ['secretary']] as const) {
        expect(checkClose(roles, item('in_work'), { result, note: 'куда-то', main })).toBe('forbidden_role');
      }
    }
  });

  it('rule resolved/explained: only from answered, with an approved answer', () => {
    for (const result of ['resolved', 'explained'] as const) {
      expect(checkClose(['operator'], item('answered', { answerState: 'approved' }), { result })).toBeNull();
      expect(checkClose(['operator'], item('answered', { answerState: 'draft' }), { result })).toBe('no_answer');
      for (const status of ITEM_STATUSES.filter((s) => s !== 'answered')) {
        expect(checkClose(['head'], item(status, { answerState: 'approved' }), { result })).toBe('wrong_status');
      }
    }
  });

  it('rule redirected: from new, in work or routed, with a note naming where', () => {
    for (const status of ['new', 'in_work', 'routed'] as const) {
      expect(checkClose(['operator'], item(status), { result: 'redirected', note: 'Роспотребнадзор' })).toBeNull();
    }
    expect(checkClose(['operator'], item('in_work'), { result: 'redirected' })).toBe('note_required');
    expect(checkClose(['operator'], item('in_work'), { result: 'redirected', note: '  ' })).toBe('note_required');
    expect(checkClose(['operator'], item('answered'), { result: 'redirected', note: 'ГЖИ' })).toBe('wrong_status');
  });

  it('rule spam: from new or in work, by the operators’ step and the leads', () => {
    for (const roles of [['operator'], ['smm_officer'], ['pos_officer'], ['sector_lead'], ['head'], ['deputy_head'], ['curator']] as const) {
      expect(checkClose(roles, item('new'), { result: 'spam' })).toBeNull();
    }
    expect(checkClose(['operator'], item('routed'), { result: 'spam' })).toBe('wrong_status');
    expect(checkClose(['executor'], item('new'), { result: 'spam' })).toBe('forbidden_role');
  });

  it('rule duplicate: from any open status, into a main item that is open, not merged and not the same item', () => {
    for (const status of ['new', 'in_work', 'routed', 'answer_review'] as const) {
      expect(checkClose(['operator'], item(status), { result: 'duplicate', main })).toBeNull();
    }
    expect(checkClose(['operator'], item('closed'), { result: 'duplicate', main })).toBe('wrong_status');
    expect(checkClose(['operator'], item('new'), { result: 'duplicate', main: null })).toBe('main_required');
    expect(checkClose(['operator'], item('new'), { result: 'duplicate', main: { ...main, id: 1 } })).toBe('main_is_self');
    expect(checkClose(['operator'], item('new'), { result: 'duplicate', main: { ...main, status: 'closed' } })).toBe('main_closed');
    expect(checkClose(['operator'], item('new'), { result: 'duplicate', main: { ...main, mergedIntoId: 5 } })).toBe('main_closed');
    expect(checkClose(['operator'], item('new'), { result: 'duplicate', main: { ...main, mergedIntoId: 1 } })).toBe('main_is_follower');
  });

  it('rule merged: a duplicate is not closed again on its own', () => {
    expect(checkClose(['head'], item('closed', { mergedIntoId: 2 }), { result: 'spam' })).toBe('merged');
  });
});

const rated = (extra: Partial<RatableItem> = {}): RatableItem => ({
  status: 'answered',
  answerState: 'approved',
  answerSentAt: new Date('2026-12-01T10:00:00Z'),
  lastRatedAt: null,
  ...extra,
});

describe('rating rules', () => {
  it('rule rating: only answered or closed items with an approved answer are rated', () => {
    expect(checkRating(rated(), 'ingest')).toBeNull();
    expect(checkRating(rated({ status: 'closed' }), 'ingest')).toBeNull();
    expect(checkRating(rated({ status: 'routed' }), 'ingest')).toBe('wrong_status');
    expect(checkRating(rated({ status: 'closed', answerState: null, answerSentAt: null }), 'ingest')).toBe('no_answer');
  });

  it('rule rating: once per answer sent, so a retried ingest cannot reopen twice', () => {
    expect(checkRating(rated({ lastRatedAt: new Date('2026-12-02T10:00:00Z') }), 'ingest')).toBe('already_rated');
    expect(checkRating(rated({ lastRatedAt: new Date('2026-11-30T10:00:00Z') }), 'ingest')).toBeNull();
  });

  it('rule rating: entered by hand by the call centre, ПОС and leads only', () => {
    expect(checkRating(rated(), 'call_centre', ['operator'])).toBeNull();
    expect(checkRating(rated(), 'call_centre', ['pos_officer'])).toBeNull();
    expect(checkRating(rated(), 'call_centre', ['head'])).toBeNull();
    expect(checkRating(rated(), 'call_centre', ['smm_officer'])).toBe('forbidden_role');
    expect(checkRating(rated(), 'call_centre', ['executor'])).toBe('forbidden_role');
  });

  it('rule low rating: 1–2 reopens the item, 3–5 is only recorded', () => {
    expect([1, 2, 3, 4, 5].map(ratingReopens)).toEqual([true, true, false, false, false]);
  });

  it('rule reopening: back to the department when routed before, else to the operators', () => {
    expect(statusAfterReopen({ departmentId: 4 })).toBe('routed');
    expect(statusAfterReopen({ departmentId: null })).toBe('in_work');
  });

  it('rule quality: analysts, leads and admins see departments’ answer quality; executors do not', () => {
    expect(QUALITY_VIEWER_ROLES).toEqual(expect.arrayContaining(['analyst', 'sector_lead', 'head', 'deputy_head', 'curator', 'admin']));
    expect(QUALITY_VIEWER_ROLES).not.toContain('executor');
    expect(QUALITY_VIEWER_ROLES).not.toContain('operator');
  });
});
