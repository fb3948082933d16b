/**
 * A citizen's personal data inside free text: their post, the answer to them. Names are found
 * by the parts of the author's name, each also in its inflected forms ("Мария" → "Марии",
 * "Марию"), so the search errs on the side of catching a namesake word.
 */

/** A Russian phone number: +7 or 8 and ten digits, however they are grouped. */
const PHONE = /(?<![\d+])(?:\+7|8)(?:[\s()-]*\d){10}(?!\d)/g;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The parts of a name that identify a person: words of two letters or more. */
function nameParts(name: string | null): string[] {
  return (name ?? '').split(/[\s.]+/).filter((part) => [...part].length >= 2 && /^\p{L}[\p{L}-]*$/u.test(part));
}

/**
 * One name part and its inflected forms: the stem without its last vowel, and up to three
 * letters; a fleeting vowel drops too ("Павел" → "Павла", "Павлу").
 */
function partPattern(part: string): string {
  const stem = part.length > 3 ? part.replace(/[аяеоыиуюйь]$/iu, '') : part;
  const fleeting = /^(.+)[ео]([^аяеоыиуюйь])$/iu.exec(part);
  const stems = fleeting && part.length > 3 ? [stem, `${fleeting[1]}${fleeting[2]}`] : [stem];
  return `(?<!\\p{L})(?:${stems.map(escapeRegExp).join('|')})\\p{L}{0,3}(?!\\p{L})`;
}

/**
 * A masker of the author's name and phone numbers, for roles that do not need personal data;
 * built once per author, since an item's title, post and answer are masked alike.
 */
export function personalDataMasker(authorName: string | null): (text: string) => string {
  const parts = nameParts(authorName);
  const name = parts.length > 0 ? new RegExp(parts.map(partPattern).join('|'), 'giu') : null;
  return (text) => {
    const masked = text.replace(PHONE, '***');
    return name ? masked.replace(name, (w) => `${w[0] ?? ''}***`) : masked;
  };
}


/**
 * Re-addresses an answer written to one citizen (`from`) to another (`to`): every run of the
 * first one's name parts and initials ("Жуков Павел А.", "Марии Петровне") becomes the other's
 * name, or «заявитель» when the other is unknown. A duplicate's citizen then never receives the
 * main item's citizen's name; phone numbers stay, since an answer's are the body's own.
 */
export function readdressText(text: string, from: string | null, to: string | null): string {
  const parts = nameParts(from);
  if (parts.length === 0) return text;
  const word = `(?:${parts.map(partPattern).join('|')})`;
  const initials = [...new Set(parts.map((p) => p[0]!.toUpperCase()))].map(escapeRegExp).join('');
  const initial = `(?<!\\p{L})[${initials}]\\.`;
  const run = new RegExp(`(?:${initial}\\s*)*${word}(?:\\s+(?:${word}|${initial}))*`, 'giu');
  const replacement = to?.trim() || 'заявитель';
  return text.replace(run, replacement);
}
