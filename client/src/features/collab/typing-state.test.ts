import { describe, expect, it } from 'vitest';
import { createThrottle, NO_TYPING, shortName, TYPING_TTL_MS, typistsOf, withoutExpired, withTyping } from './typing-state';

const anna = { id: 1, name: 'Иванова Анна Петровна' };
const oleg = { id: 2, name: 'Петров Олег' };

describe('typing indicator state', () => {
  it('shows a typist for about 4 s after their last signal', () => {
    const s = withTyping(NO_TYPING, { itemId: 5, field: 'comment', user: anna }, 1000);
    expect(typistsOf(s, 5, 'comment', 1000 + TYPING_TTL_MS - 1)).toEqual([anna]);
    expect(typistsOf(s, 5, 'comment', 1000 + TYPING_TTL_MS)).toEqual([]);
    expect(typistsOf(s, 5, 'answer', 1000)).toEqual([]);
  });

  it('extends the mark on a repeat and keeps several typists apart', () => {
    let s = withTyping(NO_TYPING, { itemId: 5, field: 'comment', user: anna }, 0);
    s = withTyping(s, { itemId: 5, field: 'comment', user: oleg }, 1000);
    s = withTyping(s, { itemId: 5, field: 'comment', user: anna }, 3000);
    expect(typistsOf(s, 5, 'comment', 4500)).toEqual([oleg, anna]);
    expect(typistsOf(s, 5, 'comment', 5500)).toEqual([anna]);
  });

  it('drops expired marks, keeping the same state when nothing expired', () => {
    const s = withTyping(NO_TYPING, { itemId: 5, field: 'answer', user: anna }, 0);
    expect(withoutExpired(s, 100)).toBe(s);
    expect(withoutExpired(s, TYPING_TTL_MS).size).toBe(0);
  });

  it('names a typist by surname and initial', () => {
    expect(shortName('Кузнецов Артём Игоревич')).toBe('Кузнецов А.');
    expect(shortName('Иванов')).toBe('Иванов');
  });

  it('sends a typing signal at most every 2 s', () => {
    let now = 0;
    const may = createThrottle(2000, () => now);
    expect(may()).toBe(true);
    now = 1500;
    expect(may()).toBe(false);
    now = 2000;
    expect(may()).toBe(true);
  });
});
