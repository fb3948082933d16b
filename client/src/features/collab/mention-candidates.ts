import { mayBeMentioned, type DirectoryDto } from '@okno/shared';

export type Person = DirectoryDto['users'][number];

const collator = new Intl.Collator('ru');

/**
 * People offered for `@query` in a comment on this item: only those the mention would reach
 * (who may see the item), not oneself; logins starting with the query first, then names with
 * a word starting with it.
 */
export function mentionCandidates(
  people: readonly Person[],
  query: string,
  item: { departmentId: number | null },
  meId: number,
  limit = 8,
): Person[] {
  const q = query.toLowerCase();
  const rank = (p: Person): number => {
    if (p.login.toLowerCase().startsWith(q)) return 0;
    if (p.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q))) return 1;
    return -1;
  };
  return people
    .filter((p) => p.id !== meId && mayBeMentioned(p, item))
    .map((p) => ({ p, r: rank(p) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || collator.compare(a.p.name, b.p.name))
    .slice(0, limit)
    .map((x) => x.p);
}

/** The text with `@query` (from `start` to the caret) replaced by `@login `, and where the caret goes. */
export function insertMention(text: string, start: number, caret: number, login: string): { text: string; caret: number } {
  const inserted = `@${login} `;
  const rest = text.slice(caret).replace(/^\s+/, '');
  return { text: text.slice(0, start) + inserted + rest, caret: start + inserted.length };
}
