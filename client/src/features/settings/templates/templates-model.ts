import {
  canEditTemplate,
  renderTemplate,
  SECTORS,
  type AnswerTemplateDto,
  type RenderedTemplate,
  type Role,
  type Sector,
  type TemplateContext,
} from '@okno/shared';

export interface Editor {
  roles: readonly Role[];
  sectors: readonly Sector[];
}

/** What the form edits. */
export interface TemplateDraft {
  sector: Sector | null;
  categoryId: number | null;
  title: string;
  body: string;
}

/** Which list the screen shows: every template, the general ones, or one sector's. */
export type SectorFilter = 'all' | 'general' | Sector;

export const draftOf = (t: AnswerTemplateDto): TemplateDraft => ({ sector: t.sector, categoryId: t.categoryId, title: t.title, body: t.body });

/** The sectors a person may put a template in (null: general), in the enum's order. */
export function editableSectors(editor: Editor): (Sector | null)[] {
  const options: (Sector | null)[] = [null, ...SECTORS];
  return options.filter((s) => canEditTemplate(editor, s));
}

/** A new template starts in the filtered sector when the person may edit it, else in their first. */
export function newDraft(editor: Editor, filter: SectorFilter): TemplateDraft | null {
  const options = editableSectors(editor);
  if (options.length === 0) return null;
  const wanted = filter === 'all' ? undefined : filter === 'general' ? null : filter;
  const sector = wanted !== undefined && options.includes(wanted) ? wanted : options[0]!;
  return { sector, categoryId: null, title: '', body: '' };
}

const sectorRank = (s: Sector | null) => (s === null ? -1 : SECTORS.indexOf(s));

/** The templates the filter keeps: general first, then by sector, category-specific after the sector's own, by title. */
export function filterTemplates(list: readonly AnswerTemplateDto[], filter: SectorFilter): AnswerTemplateDto[] {
  const kept = list.filter((t) => filter === 'all' || (filter === 'general' ? t.sector === null : t.sector === filter));
  return kept.sort(
    (a, b) =>
      sectorRank(a.sector) - sectorRank(b.sector) ||
      (a.categoryId ?? 0) - (b.categoryId ?? 0) ||
      a.title.localeCompare(b.title, 'ru'),
  );
}

/** The body with `{{name}}` put at the caret (or replacing the selection); answers the new caret. */
export function insertPlaceholder(body: string, start: number, end: number, name: string): { body: string; caret: number } {
  const token = `{{${name}}}`;
  const from = Math.max(0, Math.min(start, body.length));
  const to = Math.max(from, Math.min(end, body.length));
  return { body: body.slice(0, from) + token + body.slice(to), caret: from + token.length };
}

/** The body rendered on an example item, as an executor would first see it. */
export function previewOf(body: string, sample: TemplateContext): RenderedTemplate {
  return renderTemplate(body, sample);
}
