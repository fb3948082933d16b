/**
 * The kind of a real responsible body, from its name as the Kursk and St Petersburg data sets
 * spell it (`../shared/data`). First match wins; null for names that say nothing about a kind.
 */
import type { DepartmentKind } from '@okno/shared';

/** A whole word: JavaScript's \b knows only Latin letters. */
const word = (alternatives: string): RegExp => new RegExp(`(^|[^а-яa-z0-9])(${alternatives})(?=[^а-яa-z0-9]|$)`);

const KIND_RULES: readonly (readonly [RegExp, DepartmentKind])[] = [
  [/^ооо|общество с ограниченной|управляющ|жилкомсервис|жилсервис|атомград|созвездие/, 'management_company'],
  [word('ук'), 'management_company'],
  [/водоканал|тэк спб|теплосет|энергосбыт|газораспредел|газпром/, 'resource_supplier'],
  // State and municipal institutions and unitary enterprises (ГКУ ЖА, ЦКБ, Ленсвет, МКУ, …).
  [word('гку|гбу|мку|мбу|муп|гуп|обуз'), 'municipal_institution'],
  [/учреждени|метрополитен|мостотрест|ленсвет/, 'municipal_institution'],
  // City and town administrations and their committees; SPb district administrations are the city's territorial units.
  [/администрац|города курска/, 'admin_unit'],
  [/курской области|санкт-петербург|^комитет по |^государственная|^служба|^жилищный комитет/, 'regional_body'],
  [/комитет|департамент|управление/, 'admin_unit'],
];

/** The kind of a responsible body by its name, or null when unknown (empty, «Ответственный ПМИ»). */
export function bodyKind(name: string): DepartmentKind | null {
  const n = name.toLowerCase().replaceAll('ё', 'е').replace(/[«»"`]/g, ' ').trim();
  if (!n) return null;
  return KIND_RULES.find(([re]) => re.test(n))?.[1] ?? null;
}
