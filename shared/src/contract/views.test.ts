import { describe, expect, it } from 'vitest';
import { canManageView, canSeeView, CreateViewInput, UpdateViewInput } from './views.js';

const operator = { id: 1, roles: ['operator' as const] };
const otherOperator = { id: 2, roles: ['operator' as const] };
const lead = { id: 3, roles: ['sector_lead' as const] };

describe('who may manage a saved view', () => {
  it('lets the owner manage a personal or shared view', () => {
    expect(canManageView(operator, { ownerId: 1, shared: false })).toBe(true);
    expect(canManageView(operator, { ownerId: 1, shared: true })).toBe(true);
  });

  it('keeps a personal view its owner’s alone, even from a lead', () => {
    expect(canManageView(lead, { ownerId: 1, shared: false })).toBe(false);
  });

  it('lets a lead but not another operator manage a shared view', () => {
    expect(canManageView(lead, { ownerId: 1, shared: true })).toBe(true);
    expect(canManageView(otherOperator, { ownerId: 1, shared: true })).toBe(false);
  });
});

describe('who sees a saved view', () => {
  it('shows a personal view to its owner only and a shared one to all', () => {
    expect(canSeeView(otherOperator, { ownerId: 1, shared: false })).toBe(false);
    expect(canSeeView(operator, { ownerId: 1, shared: false })).toBe(true);
    expect(canSeeView(otherOperator, { ownerId: 1, shared: true })).toBe(true);
  });
});

describe('saved view input', () => {
  it('takes the queue’s search string and refuses anything else', () => {
    expect(CreateViewInput.parse({ name: ' Мои ', query: '?assignee=me&risk=overdue' })).toEqual({
      name: 'Мои',
      shared: false,
      query: '?assignee=me&risk=overdue',
    });
    expect(CreateViewInput.safeParse({ name: 'x', query: '' }).success).toBe(true);
    expect(CreateViewInput.safeParse({ name: 'x', query: 'https://evil' }).success).toBe(false);
    expect(CreateViewInput.safeParse({ name: '', query: '' }).success).toBe(false);
  });

  it('needs something to change', () => {
    expect(UpdateViewInput.safeParse({ version: 1 }).success).toBe(false);
    expect(UpdateViewInput.safeParse({ version: 1, shared: true }).success).toBe(true);
  });
});
