import { describe, expect, it } from 'vitest';
import { makeItem } from '../testing';
import { matchesSearch, NONE, optionKey, withChosenOptions } from './queue-model';

describe('queue search and filters', () => {
  const item = makeItem({ id: 4321, title: 'Прорыв трубы', text: 'Течёт вода во дворе', address: 'ул. Мира, 5' });

  it('finds an item by any word of its title, text, address or number, case-insensitively', () => {
    expect(matchesSearch(item, 'труБы')).toBe(true);
    expect(matchesSearch(item, 'мира двор')).toBe(true);
    expect(matchesSearch(item, '4321')).toBe(true);
    expect(matchesSearch(item, 'мира газ')).toBe(false);
    expect(matchesSearch(item, '   ')).toBe(true);
  });

  it('maps empty cell values to the "not set" option', () => {
    expect(optionKey(null)).toBe(NONE);
    expect(optionKey(12)).toBe('12');
    expect(optionKey('waste')).toBe('waste');
  });

  it('keeps every chosen value among a select\'s options, named if it can be, so the select is never blank', () => {
    const options = [{ value: '1', label: 'Центральный' }];
    const names: Record<string, string> = { '2': 'Северный' };
    expect(withChosenOptions(options, ['1'], (v) => names[v])).toEqual(options);
    expect(withChosenOptions(options, ['2', '9'], (v) => names[v])).toEqual([
      { value: '1', label: 'Центральный' },
      { value: '2', label: 'Северный' },
      { value: '9', label: '9' },
    ]);
    expect(withChosenOptions(options, [], () => undefined)).toEqual(options);
  });
});
