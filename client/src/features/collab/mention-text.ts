import { mentionSpans } from '@okno/shared';

export type Part = { text: string; person: string | null };

/** Splits a comment into plain text and the @mentions of known people (named in a tooltip). */
export function mentionParts(text: string, nameOf: (login: string) => string | undefined): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const span of mentionSpans(text)) {
    const name = nameOf(span.login);
    if (name === undefined) continue;
    if (span.start > at) parts.push({ text: text.slice(at, span.start), person: null });
    parts.push({ text: text.slice(span.start, span.end), person: name });
    at = span.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), person: null });
  return parts;
}
