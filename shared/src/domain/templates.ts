import type { Role, Sector } from './enums.js';
import { canWorkQueue } from './access.js';

/** Placeholders a canned answer may use, each with what fills it. */
export const TEMPLATE_PLACEHOLDERS = [
  'гражданин', // the citizen's name as the item gives it
  'номер', // the item's number in Okno
  'дата', // the date the item was received
  'адрес', // the address the item is about
  'орган', // the responsible body the item is routed to
  'исполнитель', // the person who writes the answer
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateContext = Partial<Record<TemplatePlaceholder, string | null>>;

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

const isPlaceholder = (name: string): name is TemplatePlaceholder => (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);

/** The placeholder names a template body uses, in order of first use. */
export function placeholdersIn(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!.toLowerCase()))];
}

/** Placeholders in a body that are not among TEMPLATE_PLACEHOLDERS. */
export function unknownPlaceholders(body: string): string[] {
  return placeholdersIn(body).filter((p) => !isPlaceholder(p));
}

/**
 * Placeholders still standing in an answer's text, known or not: gaps of a template no one
 * filled, which must never reach the citizen. Names as placeholdersIn gives them.
 */
export function unfilledPlaceholders(text: string): string[] {
  return placeholdersIn(text).filter((name) => name.trim() !== '');
}

/** Placeholder names written back in template syntax for people to read: «{{адрес}}, {{дата}}». */
export function formatPlaceholders(names: readonly string[]): string {
  return names.map((name) => `{{${name}}}`).join(', ');
}

export interface RenderedTemplate {
  text: string;
  /** Placeholders no one knows: left as written, so the author sees them. */
  unknown: string[];
  /** Known placeholders the context had no value for: left as written, to fill in by hand. */
  missing: TemplatePlaceholder[];
}

/** Fills a canned answer's placeholders ({{гражданин}}, {{номер}} …) from the context. */
export function renderTemplate(body: string, context: TemplateContext): RenderedTemplate {
  const unknown = new Set<string>();
  const missing = new Set<TemplatePlaceholder>();
  const text = body.replace(PLACEHOLDER, (whole, raw: string) => {
    const name = raw.toLowerCase();
    if (!isPlaceholder(name)) {
      unknown.add(name);
      return whole;
    }
    const value = context[name]?.trim();
    if (!value) {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text, unknown: [...unknown], missing: [...missing] };
}

/** The context of an item for rendering: what the item, its body and the writer give. */
export function templateContext(
  item: { id: number; authorName: string | null; address: string | null; receivedAt: string },
  extra: { departmentName?: string | null; executorName?: string | null } = {},
  timeZone = 'Europe/Moscow',
): TemplateContext {
  const date = new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(item.receivedAt));
  return {
    гражданин: item.authorName,
    номер: String(item.id),
    дата: date,
    адрес: item.address,
    орган: extra.departmentName ?? null,
    исполнитель: extra.executorName ?? null,
  };
}

const GENERAL_EDITORS: readonly Role[] = ['head', 'deputy_head', 'curator', 'admin'];

/**
 * Who edits canned answers: the head, deputy, curator and administrators any template; a
 * sector lead only the templates of their own sectors (not the general ones).
 */
export function canEditTemplate(actor: { roles: readonly Role[]; sectors: readonly Sector[] }, sector: Sector | null): boolean {
  if (actor.roles.some((r) => GENERAL_EDITORS.includes(r))) return true;
  return actor.roles.includes('sector_lead') && sector != null && actor.sectors.includes(sector);
}

/** Who reads canned answers: everyone who may write an answer, and administrators. */
export function canReadTemplates(roles: readonly Role[]): boolean {
  return canWorkQueue(roles) || roles.includes('executor') || roles.includes('admin');
}
