import { describe, expect, it } from 'vitest';
import { ItemReplica } from './replica';
import { makeItem, OPERATOR } from './testing';

describe('ItemReplica', () => {
  it('never moves an item back to an older version', () => {
    const r = new ItemReplica();
    r.replaceAll([makeItem({ version: 3, status: 'in_work' })]);
    expect(r.upsert(makeItem({ version: 2, status: 'new' }))).toBe(false);
    expect(r.view(1)?.status).toBe('in_work');
    expect(r.upsert(makeItem({ version: 4, status: 'routed' }))).toBe(true);
    expect(r.view(1)?.status).toBe('routed');
  });

  it('draws overlays over confirmed state and rolls back by dropping them', () => {
    const r = new ItemReplica();
    r.replaceAll([makeItem({ version: 1 })]);
    r.addOverlay({ mutationId: 'm1', itemId: 1, apply: (i) => ({ ...i, assignee: OPERATOR, status: 'in_work' }) });
    expect(r.view(1)?.assignee).toEqual(OPERATOR);
    expect(r.confirmedItem(1)?.assignee).toBeNull();
    expect(r.removeOverlay('m1')).toBe(1);
    expect(r.view(1)?.assignee).toBeNull();
    expect(r.view(1)?.status).toBe('new');
  });

  it('keeps overlays over newer confirmed state until their mutation settles', () => {
    const r = new ItemReplica();
    r.replaceAll([makeItem({ version: 1 })]);
    r.addOverlay({ mutationId: 'm1', itemId: 1, apply: (i) => ({ ...i, sector: 'roads' }) });
    r.upsert(makeItem({ version: 2, title: 'changed by someone' }));
    expect(r.view(1)).toMatchObject({ sector: 'roads', title: 'changed by someone' });
  });

  it('keeps pending overlays across a snapshot reload', () => {
    const r = new ItemReplica();
    r.replaceAll([makeItem()]);
    r.addOverlay({ mutationId: 'm1', itemId: 1, apply: (i) => ({ ...i, status: 'closed' }) });
    r.replaceAll([makeItem({ version: 5 })]);
    expect(r.view(1)?.status).toBe('closed');
  });

  it('an executor’s replica drops an item routed to another body and takes one routed to theirs', () => {
    const housing = 3;
    const r = new ItemReplica((item) => item.departmentId === housing);
    r.replaceAll([makeItem({ id: 1, departmentId: housing }), makeItem({ id: 2, departmentId: 8 })]);
    expect(r.views().map((i) => i.id)).toEqual([1]);

    expect(r.upsert(makeItem({ id: 1, version: 2, departmentId: 5 }))).toBe(true);
    expect(r.view(1)).toBeUndefined();
    expect(r.size).toBe(0);

    expect(r.upsert(makeItem({ id: 7, version: 4, departmentId: housing, status: 'routed' }))).toBe(true);
    expect(r.view(7)?.status).toBe('routed');
  });

  it('a stale event about leaving does not drop an item that has since come back', () => {
    const r = new ItemReplica((item) => item.departmentId === 3);
    r.replaceAll([makeItem({ version: 5, departmentId: 3 })]);
    expect(r.upsert(makeItem({ version: 4, departmentId: 9 }))).toBe(false);
    expect(r.view(1)?.departmentId).toBe(3);
    // An item it never held, routed elsewhere: nothing changes.
    expect(r.upsert(makeItem({ id: 2, departmentId: 9 }))).toBe(false);
  });
});
