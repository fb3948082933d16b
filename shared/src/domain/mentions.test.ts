import { describe, expect, it } from 'vitest';
import { extractMentions, mayBeMentioned, mentionedLogins, mentionQueryAt, mentionSpans } from './mentions.js';

const people = [
  { id: 1, login: 'operator1' },
  { id: 2, login: 'operator2' },
  { id: 3, login: 'executor_housing' },
];

describe('@mentions in comments', () => {
  it('finds a person by login', () => {
    expect(extractMentions('@operator2 посмотрите адрес', people).map((p) => p.id)).toEqual([2]);
  });

  it('tolerates punctuation after the login', () => {
    const text = 'Передаю @operator2, а также @executor_housing. Спасибо, @operator1!';
    expect(extractMentions(text, people).map((p) => p.id)).toEqual([2, 3, 1]);
    expect(extractMentions('(@operator2)', people).map((p) => p.id)).toEqual([2]);
    expect(extractMentions('кто: @operator2?', people).map((p) => p.id)).toEqual([2]);
  });

  it('ignores unknown logins', () => {
    expect(extractMentions('@nobody и @operator2', people).map((p) => p.id)).toEqual([2]);
    expect(extractMentions('@ просто знак', people)).toEqual([]);
  });

  it('does not notify the author about a self-mention', () => {
    expect(extractMentions('@operator1 напоминание себе, @operator2', people, 1).map((p) => p.id)).toEqual([2]);
  });

  it('mentions each person once and ignores case', () => {
    expect(extractMentions('@Operator2 @operator2 @OPERATOR2', people).map((p) => p.id)).toEqual([2]);
  });

  it('does not read an e-mail address as a mention', () => {
    expect(mentionedLogins('пишите на help@operator2.ru')).toEqual([]);
  });

  it('says where each mention sits, for highlighting', () => {
    expect(mentionSpans('Привет, @Operator2. Как дела?')).toEqual([{ start: 8, end: 18, login: 'operator2' }]);
  });

  it('lists candidate logins before any lookup', () => {
    expect(mentionedLogins('@a_b. @c-d- @a_b')).toEqual(['a_b', 'c-d']);
  });
});

describe('who a mention may reach', () => {
  it('reaches an operator for any item', () => {
    expect(mayBeMentioned({ roles: ['operator'], departmentId: null }, { departmentId: null })).toBe(true);
  });

  it('reaches an executor only for their department’s items', () => {
    const executor = { roles: ['executor'] as const, departmentId: 7 };
    expect(mayBeMentioned({ ...executor, roles: [...executor.roles] }, { departmentId: 7 })).toBe(true);
    expect(mayBeMentioned({ ...executor, roles: [...executor.roles] }, { departmentId: 8 })).toBe(false);
    expect(mayBeMentioned({ ...executor, roles: [...executor.roles] }, { departmentId: null })).toBe(false);
  });

  it('does not reach someone who sees no queue', () => {
    expect(mayBeMentioned({ roles: ['member'], departmentId: null }, { departmentId: null })).toBe(false);
  });
});

describe('the @fragment being typed', () => {
  it('is found right before the caret', () => {
    expect(mentionQueryAt('Коллеги, @oper', 14)).toEqual({ start: 9, query: 'oper' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('спросить @Куз', 13)).toEqual({ start: 9, query: 'Куз' });
  });

  it('is absent after a space or inside an e-mail', () => {
    expect(mentionQueryAt('@operator2 ', 11)).toBeNull();
    expect(mentionQueryAt('mail@host', 9)).toBeNull();
  });
});
