import { describe, expect, it } from 'vitest';
import { insertMention, mentionCandidates, type Person } from './mention-candidates';

const people: Person[] = [
  { id: 1, login: 'operator1', name: 'Смирнова Ольга Викторовна', roles: ['operator'], departmentId: null },
  { id: 2, login: 'operator2', name: 'Кузнецов Артём Игоревич', roles: ['operator'], departmentId: null },
  { id: 3, login: 'executor_housing', name: 'Белова Наталья Сергеевна', roles: ['executor'], departmentId: 7 },
  { id: 4, login: 'member1', name: 'Воробьёв Сергей Иванович', roles: ['member'], departmentId: null },
];

describe('@mention autocomplete', () => {
  it('offers people by login or by a word of the name, never oneself', () => {
    expect(mentionCandidates(people, 'oper', { departmentId: null }, 1).map((p) => p.id)).toEqual([2]);
    expect(mentionCandidates(people, 'куз', { departmentId: null }, 1).map((p) => p.id)).toEqual([2]);
    expect(mentionCandidates(people, 'арт', { departmentId: null }, 1).map((p) => p.id)).toEqual([2]);
  });

  it('offers only those who may see the item', () => {
    expect(mentionCandidates(people, '', { departmentId: 7 }, 1).map((p) => p.id)).toEqual([3, 2]);
    expect(mentionCandidates(people, '', { departmentId: null }, 1).map((p) => p.id)).toEqual([2]);
  });

  it('replaces the typed fragment with the login and a space', () => {
    expect(insertMention('Коллега @куз посмотрите', 8, 12, 'operator2')).toEqual({ text: 'Коллега @operator2 посмотрите', caret: 19 });
    expect(insertMention('@op', 0, 3, 'operator2')).toEqual({ text: '@operator2 ', caret: 11 });
  });
});
