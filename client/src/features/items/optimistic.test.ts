import { MutationId } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { newMutationId, optimisticChange } from './optimistic';
import { makeItem, OPERATOR } from './testing';

describe('optimistic changes', () => {
  it('claiming a new item shows it in work with me as assignee', () => {
    const apply = optimisticChange({ event: 'item:claim', input: { mutationId: 'x'.repeat(8), itemId: 1 } }, OPERATOR);
    expect(apply?.(makeItem())).toMatchObject({ status: 'in_work', assignee: OPERATOR, version: 1 });
  });

  it('releasing returns an item in work to the queue', () => {
    const apply = optimisticChange({ event: 'item:release', input: { mutationId: 'x'.repeat(8), itemId: 1, version: 2 } }, OPERATOR);
    expect(apply?.(makeItem({ status: 'in_work', assignee: OPERATOR }))).toMatchObject({ status: 'new', assignee: null });
  });

  it('escalation moves one step up the ladder and stops at the top', () => {
    const apply = optimisticChange(
      { event: 'item:escalate', input: { mutationId: 'x'.repeat(8), itemId: 1, version: 1, reason: 'нет ответа' } },
      OPERATOR,
    );
    expect(apply?.(makeItem()).escalationLevel).toBe('sector_lead');
    expect(apply?.(makeItem({ escalationLevel: 'curator' })).escalationLevel).toBe('curator');
  });

  it('de-escalation moves one step down and stops at the operators', () => {
    const apply = optimisticChange(
      { event: 'item:deescalate', input: { mutationId: 'x'.repeat(8), itemId: 1, version: 1, reason: 'решим сами' } },
      OPERATOR,
    );
    expect(apply?.(makeItem({ escalationLevel: 'head' })).escalationLevel).toBe('sector_lead');
    expect(apply?.(makeItem()).escalationLevel).toBe('operator');
  });

  it('extension and interim answer leave the new deadlines to the server', () => {
    const base = { mutationId: 'x'.repeat(8), itemId: 1, version: 1 };
    expect(optimisticChange({ event: 'item:extend', input: { ...base, days: 30, reason: 'запрос в РСО' } }, OPERATOR)).toBeNull();
    expect(optimisticChange({ event: 'item:interim', input: { ...base, text: 'Работы начаты' } }, OPERATOR)).toBeNull();
  });

  it('comments predict nothing about the item', () => {
    expect(optimisticChange({ event: 'item:comment', input: { mutationId: 'x'.repeat(8), itemId: 1, text: 'a' } }, OPERATOR)).toBeNull();
  });

  it('routing shows the item with the department, routed', () => {
    const apply = optimisticChange({ event: 'item:route', input: { mutationId: 'x'.repeat(8), itemId: 1, version: 1, departmentId: 4 } }, OPERATOR);
    expect(apply?.(makeItem({ status: 'in_work' }))).toMatchObject({ departmentId: 4, status: 'routed' });
  });

  it('the answer moves through review: submitted, returned (counted), approved', () => {
    const base = { mutationId: 'x'.repeat(8), itemId: 1, version: 1 };
    const saved = optimisticChange({ event: 'item:answer_save', input: { ...base, text: 'Вывезут завтра', attachmentIds: [] } }, OPERATOR)!(
      makeItem({ status: 'routed' }),
    );
    expect(saved.answer).toMatchObject({ text: 'Вывезут завтра', state: 'draft', author: OPERATOR });
    const submitted = optimisticChange({ event: 'item:answer_submit', input: base }, OPERATOR)!(saved);
    expect(submitted).toMatchObject({ status: 'answer_review', answer: { state: 'submitted' } });
    const returned = optimisticChange({ event: 'item:answer_return', input: { ...base, comment: 'Укажите дату' } }, OPERATOR)!(submitted);
    expect(returned).toMatchObject({ status: 'routed', returnCount: 1, answer: { state: 'returned' } });
    const approved = optimisticChange({ event: 'item:answer_approve', input: base }, OPERATOR)!(returned);
    expect(approved).toMatchObject({ status: 'answered', answer: { state: 'approved' } });
  });

  it('saving keeps only the attachments still listed', () => {
    const file = (id: number) => ({ id, name: `${id}.pdf`, size: 10, mime: 'application/pdf' });
    const item = makeItem({
      answer: { text: 'a', attachments: [file(1), file(2)], author: OPERATOR, state: 'draft', updatedAt: '', sentAt: null, sentVia: null, fromItemId: null },
    });
    const apply = optimisticChange(
      { event: 'item:answer_save', input: { mutationId: 'x'.repeat(8), itemId: 1, version: 1, text: 'b', attachmentIds: [2] } },
      OPERATOR,
    );
    expect(apply?.(item).answer?.attachments.map((a) => a.id)).toEqual([2]);
  });

  it('closing as a duplicate records the main item', () => {
    const apply = optimisticChange(
      { event: 'item:close', input: { mutationId: 'x'.repeat(8), itemId: 1, version: 1, result: 'duplicate', mainItemId: 9 } },
      OPERATOR,
    );
    expect(apply?.(makeItem())).toMatchObject({ status: 'closed', closeResult: 'duplicate', mergedIntoId: 9 });
  });

  it('mutation ids satisfy the shared schema and do not repeat', () => {
    const ids = new Set(Array.from({ length: 100 }, newMutationId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(MutationId.safeParse(id).success).toBe(true);
  });
});
