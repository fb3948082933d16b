import { AppError, QUALITY_VIEWER_ROLES, type DepartmentQualityDto } from '@okno/shared';
import type { Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';

const QUALITY_SQL = `
  with rated as (
    select department_id, count(*)::int as ratings, avg(score)::float8 as average, (count(*) filter (where score <= 2))::int as low
    from item_rating
    where department_id is not null and at >= coalesce(?::timestamptz, '-infinity') and at < coalesce(?::timestamptz, 'infinity')
    group by department_id
  ), returned as (
    select department_id, count(*)::int as returned
    from event
    where type = 'item.answer_returned' and department_id is not null
      and at >= coalesce(?::timestamptz, '-infinity') and at < coalesce(?::timestamptz, 'infinity')
    group by department_id
  )
  select d.id as department_id, coalesce(r.ratings, 0) as ratings, r.average, coalesce(r.low, 0) as low, coalesce(x.returned, 0) as returned
  from department d
  left join rated r on r.department_id = d.id
  left join returned x on x.department_id = d.id
  order by d.id`;

interface Row {
  department_id: number;
  ratings: number;
  average: number | null;
  low: number;
  returned: number;
}

/**
 * Each department's answer quality over a period: citizens' ratings (count, average, 1–2s) and
 * answers returned for rework while the item was with it. Feeds the departments' rating ([001] 4.3).
 */
export async function departmentQuality(orm: Orm, actor: Actor, period: { from?: string; to?: string }): Promise<DepartmentQualityDto[]> {
  if (!actor.roles.some((r) => QUALITY_VIEWER_ROLES.includes(r))) {
    throw new AppError('forbidden', 'Качество ответов органов видят аналитики и руководители');
  }
  const from = period.from ?? null;
  const to = period.to ?? null;
  const rows = await orm.em.fork().execute<Row[]>(QUALITY_SQL, [from, to, from, to]);
  return rows.map((r) => ({
    departmentId: r.department_id,
    ratings: Number(r.ratings),
    averageScore: r.average == null ? null : Math.round(Number(r.average) * 100) / 100,
    lowRatings: Number(r.low),
    returnedAnswers: Number(r.returned),
  }));
}
