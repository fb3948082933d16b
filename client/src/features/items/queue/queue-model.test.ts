import { describe, expect, it } from 'vitest';
import { makeItem } from '../testing';
import { matchesSearch, NONE, optionKey } from './queue-model';

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
});
