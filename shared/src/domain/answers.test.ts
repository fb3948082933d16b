import { describe, expect, it } from 'vitest';
import {
  ANSWER_STEPS,
  checkInterimAnswer,
  checkRequestExtension,
  checkReviewAnswer,
  checkSaveAnswer,
  checkSubmitAnswer,
  interimAnswerStands,
  stateAfterSave,
  type AnswerActor,
  type AnswerItem,
} from './answers.js';
import { ITEM_STATUSES } from './enums.js';

const executor: AnswerActor = { id: 10, roles: ['executor'], departmentId: 7 };
const otherExecutor: AnswerActor = { id: 11, roles: ['executor'], departmentId: 8 };
const operator: AnswerActor = { id: 20, roles: ['operator'], departmentId: null };
const lead: AnswerActor = { id: 30, roles: ['sector_lead'], departmentId: null };
const analyst: AnswerActor = { id: 40, roles: ['analyst'], departmentId: null };

const routed: AnswerItem = { status: 'routed', departmentId: 7, mergedIntoId: null, answer: null };
const underReview: AnswerItem = { status: 'answer_review', departmentId: 7, mergedIntoId: null, answer: { state: 'submitted', authorId: 10, text: 'Ответ' } };

describe('answer rules', () => {
  it('rule save: the executor of the item’s department or a worker of the centre saves while it is routed', () => {
    expect(checkSaveAnswer(executor, routed)).toBeNull();
    expect(checkSaveAnswer(operator, routed)).toBeNull();
    expect(checkSaveAnswer(otherExecutor, routed)).toBe('not_answerer');
    expect(checkSaveAnswer(analyst, routed)).toBe('not_answerer');
    for (const status of ITEM_STATUSES.filter((s) => s !== 'routed')) {
      expect(checkSaveAnswer(executor, { ...routed, status })).toBe('wrong_status');
    }
  });

  it('rule save: a merged duplicate takes no answer of its own', () => {
    expect(checkSaveAnswer(executor, { ...routed, mergedIntoId: 99 })).toBe('merged');
  });

  it('rule submit: routed → answer review, only with a non-empty saved answer', () => {
    expect(ANSWER_STEPS.submit).toEqual({ from: 'routed', to: 'answer_review' });
    expect(checkSubmitAnswer(executor, routed)).toBe('no_answer');
    expect(checkSubmitAnswer(executor, { ...routed, answer: { state: 'draft', authorId: 10, text: '   ' } })).toBe('no_answer');
    expect(checkSubmitAnswer(executor, { ...routed, answer: { state: 'draft', authorId: 10, text: 'Готово' } })).toBeNull();
    expect(checkSubmitAnswer(otherExecutor, { ...routed, answer: { state: 'draft', authorId: 10, text: 'Готово' } })).toBe('not_answerer');
  });

  it('rule review: operators and leads return (answer review → routed) or approve (answer review → answered) a submitted answer', () => {
    expect(ANSWER_STEPS.return).toEqual({ from: 'answer_review', to: 'routed' });
    expect(ANSWER_STEPS.approve).toEqual({ from: 'answer_review', to: 'answered' });
    expect(checkReviewAnswer(operator, underReview)).toBeNull();
    expect(checkReviewAnswer(lead, underReview)).toBeNull();
    expect(checkReviewAnswer({ ...lead, roles: ['head'] }, underReview)).toBeNull();
    expect(checkReviewAnswer(executor, underReview)).toBe('not_reviewer');
    expect(checkReviewAnswer(analyst, underReview)).toBe('not_reviewer');
    expect(checkReviewAnswer(operator, { ...underReview, status: 'routed' })).toBe('wrong_status');
  });

  it('rule review: nobody approves or returns their own answer', () => {
    const ownDraft: AnswerItem = { ...underReview, answer: { state: 'submitted', authorId: operator.id, text: 'Мой ответ' } };
    expect(checkReviewAnswer(operator, ownDraft)).toBe('own_answer');
    expect(checkReviewAnswer({ ...operator, id: 21 }, ownDraft)).toBeNull();
  });

  it('rule extension request: only the department’s executor, while the item is with the department', () => {
    expect(checkRequestExtension(executor, routed)).toBeNull();
    expect(checkRequestExtension(executor, { ...routed, status: 'answer_review' })).toBeNull();
    expect(checkRequestExtension(operator, routed)).toBe('not_executor');
    expect(checkRequestExtension(otherExecutor, routed)).toBe('not_executor');
    expect(checkRequestExtension(executor, { ...routed, status: 'answered' })).toBe('wrong_status');
  });

  it('rule interim answer: the department’s executor may give it as well as the centre’s workers, until answered', () => {
    expect(checkInterimAnswer(executor, routed)).toBeNull();
    expect(checkInterimAnswer(operator, { ...routed, status: 'in_work', departmentId: null })).toBeNull();
    expect(checkInterimAnswer(otherExecutor, routed)).toBe('not_answerer');
    expect(checkInterimAnswer(executor, { ...routed, status: 'answered' })).toBe('wrong_status');
  });

  it('rule interim answer: one stands until the item is reopened after it; then a new one may be given', () => {
    expect(interimAnswerStands(null, null)).toBe(false);
    expect(interimAnswerStands('2025-06-10T15:00:00.000Z', null)).toBe(true);
    expect(interimAnswerStands('2025-06-10T15:00:00.000Z', '2025-06-16T11:00:00.000Z')).toBe(false);
    expect(interimAnswerStands(null, '2025-06-16T11:00:00.000Z')).toBe(false);
    expect(interimAnswerStands('2025-06-17T09:30:00.000Z', '2025-06-16T11:00:00.000Z')).toBe(true);
    // The server compares Dates, the client ISO strings: the same instants, the same answer.
    expect(interimAnswerStands(new Date('2025-06-16T11:00:00.000Z'), new Date('2025-06-16T11:00:00.000Z'))).toBe(true);
    expect(interimAnswerStands(new Date('2025-06-16T10:59:59.999Z'), '2025-06-16T11:00:00.000Z')).toBe(false);
  });

  it('rule rework: a returned answer stays returned while it is fixed; other saves are drafts', () => {
    expect(stateAfterSave('returned')).toBe('returned');
    expect(stateAfterSave(null)).toBe('draft');
    expect(stateAfterSave('draft')).toBe('draft');
    expect(stateAfterSave('approved')).toBe('draft');
  });
});
