import type { AnswerTemplateDto } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { editableSectors, filterTemplates, insertPlaceholder, newDraft, previewOf } from './templates-model';

const tpl = (id: number, sector: AnswerTemplateDto['sector'], title: string, categoryId: number | null = null): AnswerTemplateDto => ({
  id, sector, categoryId, title, body: 'Текст шаблона', updatedBy: null, updatedAt: '2026-12-01T10:00:00Z', version: 1,
});

describe('templates screen model', () => {
  it('offers a sector lead only their own sectors, and the head every sector and the general ones', () => {
    expect(editableSectors({ roles: ['sector_lead'], sectors: ['housing', 'waste'] })).toEqual(['housing', 'waste']);
    expect(editableSectors({ roles: ['head'], sectors: [] })[0]).toBeNull();
    expect(editableSectors({ roles: ['operator'], sectors: [] })).toEqual([]);
  });

  it('starts a new template in the filtered sector when allowed, else in the first allowed one; none for readers', () => {
    expect(newDraft({ roles: ['sector_lead'], sectors: ['housing', 'waste'] }, 'waste')?.sector).toBe('waste');
    expect(newDraft({ roles: ['sector_lead'], sectors: ['housing'] }, 'roads')?.sector).toBe('housing');
    expect(newDraft({ roles: ['executor'], sectors: [] }, 'all')).toBeNull();
  });

  it('filters by sector and sorts general first, then sectors in order, the sector’s own before its categories, by title', () => {
    const list = [tpl(1, 'roads', 'Б'), tpl(2, null, 'Общий'), tpl(3, 'housing', 'Я', 5), tpl(4, 'housing', 'А'), tpl(5, 'roads', 'А')];
    expect(filterTemplates(list, 'all').map((t) => t.id)).toEqual([2, 4, 3, 5, 1]);
    expect(filterTemplates(list, 'general').map((t) => t.id)).toEqual([2]);
    expect(filterTemplates(list, 'roads').map((t) => t.id)).toEqual([5, 1]);
  });

  it('inserts a placeholder at the caret or over the selection', () => {
    expect(insertPlaceholder('Здравствуйте, !', 14, 14, 'гражданин')).toEqual({ body: 'Здравствуйте, {{гражданин}}!', caret: 27 });
    expect(insertPlaceholder('Адрес: XXX.', 7, 10, 'адрес')).toEqual({ body: 'Адрес: {{адрес}}.', caret: 16 });
  });

  it('previews the body on an example and reports unknown placeholders', () => {
    const out = previewOf('{{гражданин}}, срок {{срок}}', { гражданин: 'Иванова' });
    expect(out).toMatchObject({ text: 'Иванова, срок {{срок}}', unknown: ['срок'] });
  });
});
