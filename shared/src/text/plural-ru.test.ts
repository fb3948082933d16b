import { describe, expect, it } from 'vitest';
import { pluralRu } from './plural-ru.js';

describe('pluralRu', () => {
  it('picks one, few or many by the last two digits', () => {
    const days = (n: number) => pluralRu(n, 'день', 'дня', 'дней');
    expect([0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 1004].map(days)).toEqual([
      'дней', 'день', 'дня', 'дня', 'дней', 'дней', 'дней', 'дней', 'день', 'дня', 'дней', 'день', 'дней', 'дней', 'дня',
    ]);
  });

  it('agrees with Intl.PluralRules for whole numbers', () => {
    const rules = new Intl.PluralRules('ru');
    const form = { one: 'one', few: 'few', many: 'many' } as const;
    for (let n = 0; n < 2000; n++) {
      const expected = rules.select(n);
      expect(pluralRu(n, form.one, form.few, form.many)).toBe(expected);
    }
  });
});
