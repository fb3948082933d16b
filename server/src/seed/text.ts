/**
 * How each kind of item reads: social posts are informal, ПОС messages short, 59-ФЗ appeals
 * formal. The problem statement comes from the category templates; this wraps it.
 */
import type { ItemKind } from '@okno/shared';
import type { Rng } from './rng.js';

const POST_OPENINGS = ['', '', 'Добрый день! ', 'Администрация, обратите внимание! ', 'Опять одно и то же. ',
  'Кто-нибудь знает, куда жаловаться? ', 'Жители просят помочь. '];
const POST_TAILS = ['', 'Сколько можно?', 'Куда смотрят власти?', 'Просим разобраться!', 'Фото в комментариях.',
  'Уже писали, ничего не меняется.', 'Помогите, пожалуйста!'];
const MESSAGE_TAILS = ['Прошу принять меры.', 'Просьба устранить.', 'Прошу сообщить сроки устранения.',
  'Прошу разобраться.', ''];
const APPEAL_OPENINGS = ['Обращаюсь по следующему вопросу. ', 'Довожу до вашего сведения, что ', '',
  'Прошу рассмотреть ситуацию. '];
const APPEAL_EXTRAS = ['', '', 'Ранее обращения по этому вопросу остались без результата. ',
  'Устные обращения в организацию не помогли. ', 'Жители дома готовы подписать коллективное обращение. '];
const APPEAL_TAILS = ['Прошу провести проверку и дать письменный ответ в установленный законом срок.',
  'Прошу принять меры и сообщить о результатах рассмотрения.',
  'Прошу взять вопрос на контроль и сообщить о принятых мерах.'];

/** Lowercases the first letter, for a statement that continues an opening sentence. */
function continueSentence(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The full text of an item of this kind around a problem statement. */
export function composeText(rng: Rng, kind: ItemKind, fact: string): string {
  switch (kind) {
    case 'incident':
      return `${rng.pick(POST_OPENINGS)}${fact} ${rng.pick(POST_TAILS)}`.trim();
    case 'message':
      return `${fact} ${rng.pick(MESSAGE_TAILS)}`.trim();
    case 'appeal': {
      const opening = rng.pick(APPEAL_OPENINGS);
      const body = opening.endsWith('что ') ? continueSentence(fact) : fact;
      return `${opening}${body} ${rng.pick(APPEAL_EXTRAS)}${rng.pick(APPEAL_TAILS)}`;
    }
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown kind ${String(unreachable)}`);
    }
  }
}

/** A title from the start of a text, cut at a word boundary. */
export function titleFromText(text: string, max = 80): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > 30 ? cut.slice(0, space) : cut).replace(/[,.;:!?-]+$/, '')}…`;
}

/** Replaces {name} placeholders; an unknown placeholder is a bug in a template, so it throws. */
export function fillTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`template placeholder {${name}} has no value`);
    return value;
  });
}
