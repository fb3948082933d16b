import { itemScopeFor } from './access.js';
import type { Role } from './enums.js';

/**
 * `@login` in a comment: the mark is preceded by the start or by a character that cannot be
 * part of a word or an e-mail address, so `ivanov@mail.ru` mentions nobody. Trailing dots and
 * dashes are punctuation (`@operator2.` at the end of a sentence).
 */
const MENTION = /(?<![\p{L}\p{N}_.@-])@([A-Za-z0-9_][A-Za-z0-9_.-]*)/gu;

/** Where each `@login` sits in a text (`end` excludes trailing punctuation); the login lower-cased. */
export function mentionSpans(text: string): { start: number; end: number; login: string }[] {
  const spans: { start: number; end: number; login: string }[] = [];
  for (const match of text.matchAll(MENTION)) {
    const login = match[1]!.replace(/[.-]+$/, '');
    if (login) spans.push({ start: match.index, end: match.index + 1 + login.length, login: login.toLowerCase() });
  }
  return spans;
}

/** Logins a comment mentions (lower-cased, each once, in order of appearance), known or not. */
export function mentionedLogins(text: string): string[] {
  return [...new Set(mentionSpans(text).map((s) => s.login))];
}

export interface MentionablePerson {
  id: number;
  login: string;
}

/**
 * The people a comment mentions by `@login`: unknown logins are ignored, each person comes once,
 * and the author (when given) is never among them, so mentioning oneself notifies nobody.
 */
export function extractMentions<P extends MentionablePerson>(text: string, people: readonly P[], authorId?: number): P[] {
  const byLogin = new Map(people.map((p) => [p.login.toLowerCase(), p]));
  const found: P[] = [];
  for (const login of mentionedLogins(text)) {
    const person = byLogin.get(login);
    if (person && person.id !== authorId && !found.includes(person)) found.push(person);
  }
  return found;
}

/** Whether a mention may reach the person: they must be able to see the item (executors: their department's only). */
export function mayBeMentioned(person: { roles: readonly Role[]; departmentId: number | null }, item: { departmentId: number | null }): boolean {
  const scope = itemScopeFor(person.roles, person.departmentId);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'department':
      return scope.departmentId != null && scope.departmentId === item.departmentId;
    case 'none':
      return false;
    default: {
      const never: never = scope;
      return never;
    }
  }
}

/**
 * The `@fragment` being typed right before the caret (for an autocomplete), or null. The
 * fragment may be the start of a login or of a name in any script (`@Куз`); picking a person
 * then writes their login.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?<![\p{L}\p{N}_.@-])@([\p{L}\p{N}_.-]{0,64})$/u.exec(before);
  if (!match) return null;
  return { start: match.index, query: match[1]! };
}
