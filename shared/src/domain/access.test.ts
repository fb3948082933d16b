import { describe, expect, it } from 'vitest';
import { canComment, canWorkQueue, itemScopeFor, maskPersonName } from './access.js';

describe('who sees which items', () => {
  it('shows an executor only their department', () => {
    expect(itemScopeFor(['executor'], 7)).toEqual({ kind: 'department', departmentId: 7 });
  });

  it('shows the whole queue to an operator even if they are also an executor', () => {
    expect(itemScopeFor(['executor', 'operator'], 7)).toEqual({ kind: 'all', masked: false });
  });

  it('masks personal data for analysts', () => {
    expect(itemScopeFor(['analyst'], null)).toEqual({ kind: 'all', masked: true });
  });

  it('shows no queue to a member alone', () => {
    expect(itemScopeFor(['member'], null)).toEqual({ kind: 'none' });
  });

  it('lets executors comment but not work the queue', () => {
    expect(canComment(['executor'])).toBe(true);
    expect(canWorkQueue(['executor'])).toBe(false);
    expect(canWorkQueue(['smm_officer'])).toBe(true);
  });

  it('masks a citizen name to initials', () => {
    expect(maskPersonName('Иванова Мария Петровна')).toBe('И*** М*** П***');
    expect(maskPersonName(null)).toBeNull();
  });
});
