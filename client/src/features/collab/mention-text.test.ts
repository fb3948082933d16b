import { describe, expect, it } from 'vitest';
import { mentionParts } from './mention-text';

const names = new Map([['operator2', 'Кузнецов Артём Игоревич']]);

describe('highlighted mentions', () => {
  it('marks known people and leaves unknown logins as text', () => {
    expect(mentionParts('@operator2, глянь; @nobody тоже', (l) => names.get(l))).toEqual([
      { text: '@operator2', person: 'Кузнецов Артём Игоревич' },
      { text: ', глянь; @nobody тоже', person: null },
    ]);
  });
});
