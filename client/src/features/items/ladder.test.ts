import { describe, expect, it } from 'vitest';
import { isEscalatedTo, isLead, standsOnStep } from './ladder';

const lead = { roles: ['sector_lead' as const], sectors: ['housing' as const] };
const head = { roles: ['head' as const, 'member' as const], sectors: [] };
const operator = { roles: ['operator' as const], sectors: [] };

describe('who stands on a step of the escalation ladder', () => {
  it('lets a sector lead act only on their sectors and on uncategorised items', () => {
    expect(standsOnStep(lead, 'sector_lead', 'housing')).toBe(true);
    expect(standsOnStep(lead, 'sector_lead', null)).toBe(true);
    expect(standsOnStep(lead, 'sector_lead', 'roads')).toBe(false);
    expect(standsOnStep(lead, 'head', 'housing')).toBe(false);
  });

  it('puts the head on the head step, and nobody on the operators’ step', () => {
    expect(standsOnStep(head, 'head', 'roads')).toBe(true);
    expect(standsOnStep(head, 'curator', 'roads')).toBe(false);
    expect(standsOnStep(operator, 'operator', 'roads')).toBe(false);
  });

  it('counts only open items as escalated to the person', () => {
    expect(isEscalatedTo(head, { escalationLevel: 'head', sector: null, status: 'in_work' })).toBe(true);
    expect(isEscalatedTo(head, { escalationLevel: 'head', sector: null, status: 'closed' })).toBe(false);
  });

  it('knows the lead roles that may extend a deadline', () => {
    expect(isLead(lead)).toBe(true);
    expect(isLead(operator)).toBe(false);
  });
});
