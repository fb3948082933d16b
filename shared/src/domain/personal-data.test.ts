import { describe, expect, it } from 'vitest';
import { personalDataMasker, readdressText } from './personal-data.js';

describe('personalDataMasker', () => {
  it('masks the citizen’s name, in its inflected forms, and phone numbers inside text', () => {
    const answer =
      'Уважаемая Мария Петровна! Сообщаем Марии Петровне, что заявка Ивановой М. П. принята. ' +
      'Звоните: +7 (4712) 55-12-34 или 8 900 123-45-67. Марьино, Петровский проезд, Анна — без изменений.';
    expect(personalDataMasker('Иванова Мария Петровна')(answer)).toBe(
      'Уважаемая М*** П***! Сообщаем М*** П***, что заявка И*** М. П. принята. ' +
        'Звоните: *** или ***. Марьино, Петровский проезд, Анна — без изменений.',
    );
    expect(personalDataMasker('Анна Сергеевна')('Анне Сергеевне позвонили')).toBe('А*** С*** позвонили');
    expect(personalDataMasker(null)('Текст без имени')).toBe('Текст без имени');
  });
});

describe('readdressText', () => {
  it('puts the duplicate’s citizen in place of every mention of the main item’s citizen', () => {
    const answer = 'Здравствуйте, Жуков Павел А.! По вашему сообщению, Павел Андреевич, у дома 138 проведён ремонт. Телефон ЖЭУ: 8 (4712) 51-00-00.';
    expect(readdressText(answer, 'Жуков Павел Андреевич', 'Андреева Марина')).toBe(
      'Здравствуйте, Андреева Марина! По вашему сообщению, Андреева Марина, у дома 138 проведён ремонт. Телефон ЖЭУ: 8 (4712) 51-00-00.',
    );
    expect(readdressText('Уважаемый П. А. Жуков, ответ готов.', 'Жуков Павел Андреевич', null)).toBe('Уважаемый заявитель, ответ готов.');
    expect(readdressText('Сообщаем Павлу Андреевичу', 'Жуков Павел Андреевич', 'Андреева Марина')).toBe('Сообщаем Андреева Марина');
  });

  it('leaves a text without the name, or with no name to look for, as it is', () => {
    expect(readdressText('Ремонт выполнен.', 'Жуков Павел', 'Андреева Марина')).toBe('Ремонт выполнен.');
    expect(readdressText('Здравствуйте, Павел!', null, 'Андреева Марина')).toBe('Здравствуйте, Павел!');
  });
});
