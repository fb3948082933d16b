/**
 * Compares the demo routing rules with where real appeals went: for each appeal mapped to our
 * sector, category and territory, does `resolveRoute` pick a body of the same kind as the real
 * responsible body? Pure: the entry point reads the files.
 */
import { DEPARTMENT_KINDS, resolveRoute, type DepartmentKind, type Sector } from '@okno/shared';
import { seedRoutingModel } from '../../seed/routing-rules.js';

/** One real appeal, already mapped to our codes; `realKind` from its responsible body's name. */
export interface MappedAppeal {
  categoryCode: string;
  territoryCode: string;
  realKind: DepartmentKind;
  /** The demo body standing for the real one, when the demo directory has a counterpart. */
  counterpart?: string | null;
}

type KindCounts = Record<DepartmentKind, number>;
const zeroKinds = (): KindCounts => Object.fromEntries(DEPARTMENT_KINDS.map((k) => [k, 0])) as KindCounts;

export interface RoutingAgreement {
  total: number;
  suggested: number;
  sameKind: number;
  /** What share a constant guess of the most common real kind would get right: the baseline. */
  majorityKind: DepartmentKind;
  majorityShare: number;
  /** real kind → how often we suggested each kind. */
  confusion: Record<DepartmentKind, KindCounts>;
  bySector: Map<Sector, { total: number; sameKind: number }>;
  /** Appeals whose real body has a counterpart in the demo directory, and how many we routed to exactly it. */
  withCounterpart: number;
  sameBody: number;
}

export function evaluateRouting(appeals: Iterable<MappedAppeal>): RoutingAgreement {
  const model = seedRoutingModel();
  const kindOf = new Map(model.departments.map((d) => [d.id, d.kind]));
  const codeOf = new Map(model.departments.map((d) => [d.id, d.code]));
  const confusion = Object.fromEntries(DEPARTMENT_KINDS.map((k) => [k, zeroKinds()])) as Record<DepartmentKind, KindCounts>;
  const realKinds = zeroKinds();
  const bySector = new Map<Sector, { total: number; sameKind: number }>();
  let total = 0;
  let suggested = 0;
  let sameKind = 0;
  let withCounterpart = 0;
  let sameBody = 0;
  for (const a of appeals) {
    const sector = a.categoryCode.slice(0, a.categoryCode.indexOf('.')) as Sector;
    const found = resolveRoute(model.rules, model.departments, {
      sector,
      categoryId: model.categoryId(a.categoryCode),
      territoryId: model.territoryId(a.territoryCode),
    });
    total++;
    realKinds[a.realKind]++;
    const row = bySector.get(sector) ?? { total: 0, sameKind: 0 };
    row.total++;
    bySector.set(sector, row);
    if (a.counterpart) withCounterpart++;
    if (!found) continue;
    suggested++;
    if (a.counterpart && codeOf.get(found.departmentId) === a.counterpart) sameBody++;
    const ours = kindOf.get(found.departmentId)!;
    confusion[a.realKind][ours]++;
    if (ours === a.realKind) {
      sameKind++;
      row.sameKind++;
    }
  }
  const majorityKind = DEPARTMENT_KINDS.reduce((best, k) => (realKinds[k] > realKinds[best] ? k : best), DEPARTMENT_KINDS[0]);
  return { total, suggested, sameKind, majorityKind, majorityShare: total ? realKinds[majorityKind] / total : 0, confusion, bySector, withCounterpart, sameBody };
}

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

/** A plain-text report of one data set's agreement. */
export function formatAgreement(title: string, r: RoutingAgreement, skipped: number): string {
  const lines = [
    `${title}: ${r.total} обращений сопоставлено (пропущено ${skipped}: неизвестный вид органа или тема)`,
    `  есть рекомендация: ${pct(r.suggested, r.total)}; вид органа совпал: ${r.sameKind} из ${r.total} = ${pct(r.sameKind, r.total)}`,
    `  для сравнения, всегда «${r.majorityKind}»: ${pct(r.majorityShare * r.total, r.total)}`,
    ...(r.withCounterpart > 0
      ? [`  тот же орган (где у реального органа есть аналог в демо-справочнике): ${r.sameBody} из ${r.withCounterpart} = ${pct(r.sameBody, r.withCounterpart)}`]
      : []),
    '  по направлениям (совпало / всего):',
    ...[...r.bySector.entries()].sort((a, b) => b[1].total - a[1].total).map(([s, v]) => `    ${s.padEnd(10)} ${String(v.sameKind).padStart(5)} / ${String(v.total).padEnd(5)} ${pct(v.sameKind, v.total)}`),
    `  реальный вид → наш (${DEPARTMENT_KINDS.join(', ')}):`,
    ...DEPARTMENT_KINDS.map((k) => `    ${k.padEnd(22)} ${DEPARTMENT_KINDS.map((o) => String(r.confusion[k][o]).padStart(6)).join('')}`),
  ];
  return lines.join('\n');
}
