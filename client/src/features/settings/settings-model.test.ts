import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import {
  addDay,
  applyPolicyEdit,
  canEditSettings,
  emptyCalendar,
  isDayOfYear,
  isValidReason,
  parseOptionalNumber,
  policyEditOf,
  removeDay,
  validationIssues,
} from './settings-model';

describe('settings model', () => {
  it('lets only administrators edit', () => {
    expect(canEditSettings(['admin'])).toBe(true);
    expect(canEditSettings(['head', 'operator'])).toBe(false);
  });

  it('parses optional numbers, blank as unset and a comma as the decimal point', () => {
    expect(parseOptionalNumber(' ')).toBeUndefined();
    expect(parseOptionalNumber('0,75')).toBe(0.75);
    expect(parseOptionalNumber('abc')).toBeNaN();
  });

  it('edits the answer period and keeps the fields the table does not show', () => {
    const policy = {
      kind: 'appeal' as const,
      register: { clock: 'working_days' as const, amount: 3 },
      answer: { clock: 'calendar_days' as const, amount: 30, onNonWorkingEnd: 'previous_working_day' as const },
      maxExtension: 30,
    };
    const edit = policyEditOf(policy);
    expect(edit).toEqual({ clock: 'calendar_days', amount: '30', maxExtension: '30', atRiskThreshold: '' });
    const next = applyPolicyEdit(policy, { ...edit, amount: '25', maxExtension: '', atRiskThreshold: '0.8' });
    expect(next).toEqual({
      kind: 'appeal',
      register: { clock: 'working_days', amount: 3 },
      answer: { clock: 'calendar_days', amount: 25, onNonWorkingEnd: 'previous_working_day' },
      atRiskThreshold: 0.8,
    });
    expect(policy.answer.amount).toBe(30);
  });

  it('adds and removes calendar days sorted and without repeats', () => {
    let cal = emptyCalendar(2027);
    cal = addDay(cal, 'holidays', '2027-05-09');
    cal = addDay(cal, 'holidays', '2027-01-01');
    cal = addDay(cal, 'holidays', '2027-01-01');
    expect(cal.holidays).toEqual(['2027-01-01', '2027-05-09']);
    expect(removeDay(cal, 'holidays', '2027-01-01').holidays).toEqual(['2027-05-09']);
    expect(cal.status).toBe('projected');
  });

  it('checks a date belongs to the year', () => {
    expect(isDayOfYear('2027-02-28', 2027)).toBe(true);
    expect(isDayOfYear('2027-02-29', 2027)).toBe(false);
    expect(isDayOfYear('2026-12-31', 2027)).toBe(false);
    expect(isDayOfYear('27-1-1', 2027)).toBe(false);
  });

  it('lists the problems of a validation refusal only', () => {
    expect(validationIssues(new ApiError('validation', 'Не принято', 400, { issues: ['a', 'b'] }))).toEqual(['a', 'b']);
    expect(validationIssues(new ApiError('validation', 'Некорректные данные', 400, [{ path: ['policy', 'answer'], message: 'too small' }]))).toEqual([
      'policy.answer: too small',
    ]);
    expect(validationIssues(new ApiError('validation', 'Не принято', 400))).toEqual(['Не принято']);
    expect(validationIssues(new ApiError('conflict', 'Изменено', 409))).toEqual([]);
  });

  it('requires a reason of at least three characters', () => {
    expect(isValidReason('  ок ')).toBe(false);
    expect(isValidReason('Приказ №5')).toBe(true);
  });
});
