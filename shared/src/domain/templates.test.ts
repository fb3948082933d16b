import { describe, expect, it } from 'vitest';
import {
  canEditTemplate,
  canReadTemplates,
  formatPlaceholders,
  placeholdersIn,
  renderTemplate,
  templateContext,
  unfilledPlaceholders,
  unknownPlaceholders,
} from './templates.js';

describe('canned answer templates', () => {
  it('renderTemplate fills every known placeholder, whatever its case and spacing', () => {
    const out = renderTemplate('{{Гражданин}}, ваше обращение № {{ номер }} от {{дата}} по адресу {{адрес}} рассмотрено ({{орган}}, {{исполнитель}}).', {
      гражданин: 'Иванова М. П.',
      номер: '42',
      дата: '01.12.2026',
      адрес: 'ул. Ленина, 5',
      орган: 'Комитет ЖКХ',
      исполнитель: 'Белова Н. С.',
    });
    expect(out).toEqual({
      text: 'Иванова М. П., ваше обращение № 42 от 01.12.2026 по адресу ул. Ленина, 5 рассмотрено (Комитет ЖКХ, Белова Н. С.).',
      unknown: [],
      missing: [],
    });
  });

  it('renderTemplate reports unknown placeholders and leaves them as written', () => {
    const out = renderTemplate('Уважаемый {{гражданин}}! Срок: {{срок}}. {{срок}}', { гражданин: 'Пётр' });
    expect(out.text).toBe('Уважаемый Пётр! Срок: {{срок}}. {{срок}}');
    expect(out.unknown).toEqual(['срок']);
  });

  it('renderTemplate reports known placeholders without a value and leaves them to fill by hand', () => {
    const out = renderTemplate('Адрес: {{адрес}}; заявитель: {{гражданин}}', { адрес: null, гражданин: ' ' });
    expect(out.text).toBe('Адрес: {{адрес}}; заявитель: {{гражданин}}');
    expect(out.missing).toEqual(['адрес', 'гражданин']);
  });

  it('lists a body’s placeholders and the unknown ones for saving a template', () => {
    expect(placeholdersIn('{{номер}} {{дата}} {{номер}} {{ФИО}}')).toEqual(['номер', 'дата', 'фио']);
    expect(unknownPlaceholders('{{номер}} {{ФИО}}')).toEqual(['фио']);
  });

  it('unfilledPlaceholders finds what a rendered answer still leaves to fill: the missing and the unknown, once each', () => {
    const body = 'Уважаемый {{гражданин}}! По адресу {{адрес}} проведено обследование. Срок: {{срок}}. Адрес: {{ Адрес }}.';
    const rendered = renderTemplate(body, { гражданин: 'Пётр', адрес: null });
    expect(unfilledPlaceholders(rendered.text)).toEqual(['адрес', 'срок']);
    expect(unfilledPlaceholders(rendered.text)).toEqual([...rendered.missing, ...rendered.unknown]);
  });

  it('unfilledPlaceholders finds none once every gap is filled, and ignores braces that are not placeholders', () => {
    expect(unfilledPlaceholders('По адресу ул. Ленина, 5 проведено обследование.')).toEqual([]);
    expect(unfilledPlaceholders('Фигурные скобки {адрес}, {{}} и {{ }} и {{адрес} не поля шаблона')).toEqual([]);
    expect(unfilledPlaceholders('Строка\n{{\n  дата\n}}\nдалее')).toEqual(['дата']);
  });

  it('formatPlaceholders writes names back in template syntax', () => {
    expect(formatPlaceholders(['адрес', 'срок'])).toBe('{{адрес}}, {{срок}}');
    expect(formatPlaceholders([])).toBe('');
  });

  it('builds the context from the item: its number, the citizen, the address and the date of receipt in Moscow time', () => {
    const ctx = templateContext(
      { id: 17, authorName: 'Сидоров', address: null, receivedAt: '2026-11-30T22:30:00Z' },
      { departmentName: 'Дорожный комитет', executorName: 'Фомин Д. А.' },
    );
    expect(ctx).toEqual({ гражданин: 'Сидоров', номер: '17', дата: '01.12.2026', адрес: null, орган: 'Дорожный комитет', исполнитель: 'Фомин Д. А.' });
  });

  it('rule template editors: head, deputy, curator and admins edit any; a sector lead only their own sectors', () => {
    expect(canEditTemplate({ roles: ['head'], sectors: [] }, null)).toBe(true);
    expect(canEditTemplate({ roles: ['admin'], sectors: [] }, 'roads')).toBe(true);
    expect(canEditTemplate({ roles: ['sector_lead'], sectors: ['housing'] }, 'housing')).toBe(true);
    expect(canEditTemplate({ roles: ['sector_lead'], sectors: ['housing'] }, 'roads')).toBe(false);
    expect(canEditTemplate({ roles: ['sector_lead'], sectors: ['housing'] }, null)).toBe(false);
    expect(canEditTemplate({ roles: ['operator'], sectors: [] }, 'housing')).toBe(false);
    expect(canEditTemplate({ roles: ['executor'], sectors: ['housing'] }, 'housing')).toBe(false);
  });

  it('rule template readers: whoever may answer reads templates; members and analysts do not', () => {
    expect(canReadTemplates(['executor'])).toBe(true);
    expect(canReadTemplates(['operator'])).toBe(true);
    expect(canReadTemplates(['admin'])).toBe(true);
    expect(canReadTemplates(['member'])).toBe(false);
    expect(canReadTemplates(['analyst'])).toBe(false);
  });
});
