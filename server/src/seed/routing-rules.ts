/**
 * The demo routing rules: (sector, category?, territory?) → body, by codes from directory.ts.
 * The layering follows how real appeals in the region were routed (checked with
 * `pnpm evaluate-routing`): regional bodies by default, city bodies for the regional centre's
 * okrugs, town administrations for their own territory, and narrow rules for suppliers, the
 * housing inspection and a management company. Real water-supply complaints went to the city's
 * housing committee or the housing inspection, never to the water utility: the utility has no
 * rule and is routed to by hand.
 */
import type { RoutingRuleLike, Sector } from '@okno/shared';
import { CATEGORIES, CITY_TERRITORIES, DEPARTMENTS, TERRITORIES } from './directory.js';

export interface SeedRoutingRule {
  sector: Sector;
  /** A category code, or null for the whole sector. */
  category: string | null;
  /** A territory code, or null for every territory. */
  territory: string | null;
  department: string;
}

const rule = (sector: Sector, category: string | null, territory: string | null, department: string): SeedRoutingRule => ({
  sector,
  category: category ? `${sector}.${category}` : null,
  territory,
  department,
});

const TOWN_ADMINS: readonly (readonly [string, string])[] = [
  ['zheleznogorsk', 'zheleznogorsk_admin'],
  ['lgov', 'lgov_admin'],
  ['kursky_district', 'kursky_district_admin'],
];

const perCity = (f: (territory: string) => SeedRoutingRule): SeedRoutingRule[] => CITY_TERRITORIES.map(f);

export const ROUTING_RULES: readonly SeedRoutingRule[] = [
  // Every sector has a body for the whole region.
  rule('housing', null, null, 'housing_inspection'),
  rule('waste', null, null, 'waste_operator'),
  rule('energy', null, null, 'grid_company'),
  rule('education', null, null, 'education_ministry'),
  rule('health', null, null, 'health_ministry'),
  rule('roads', null, null, 'regional_roads'),
  rule('transport', null, null, 'regional_roads'),
  rule('social', null, null, 'social_ministry'),
  rule('other', null, null, 'ecology_ministry'),
  // Categories with one responsible body everywhere.
  rule('housing', 'management', null, 'housing_inspection'),
  rule('housing', 'capital_repair', null, 'housing_inspection'),
  rule('energy', 'gas', null, 'gas_company'),
  // Smells, water bodies, felling: real appeals went to the regional environment body even from the city.
  rule('other', 'ecology', null, 'ecology_ministry'),
  // The regional centre's okrugs: the city's own units.
  ...perCity((t) => rule('housing', null, t, 'housing_committee')),
  ...perCity((t) => rule('roads', null, t, 'roads_dept')),
  ...perCity((t) => rule('education', null, t, 'education_dept')),
  ...perCity((t) => rule('other', null, t, 'city_admin')),
  ...perCity((t) => rule('waste', 'dumps', t, 'city_admin')),
  // Yards, parks and street cleaning went to the city administration itself, not its housing or roads units.
  ...perCity((t) => rule('housing', 'yards', t, 'city_admin')),
  ...perCity((t) => rule('roads', 'sidewalks', t, 'city_admin')),
  // Bus routes are the region's (even in the city); the city's transport unit handles too few buses on its routes.
  ...perCity((t) => rule('transport', 'shortage', t, 'transport_dept')),
  ...perCity((t) => rule('housing', 'sewerage', t, 'improvement_service')),
  // The management company of the Seym okrug answers for its houses.
  rule('housing', 'management', 'kursk.seym', 'uk_seym'),
  rule('housing', 'elevators', 'kursk.seym', 'uk_seym'),
  // Towns and a rural district with their own administration.
  ...TOWN_ADMINS.flatMap(([territory, admin]) => [
    ...(['housing', 'roads', 'transport', 'education', 'other'] as const).map((sector) => rule(sector, null, territory, admin)),
    rule('waste', 'dumps', territory, admin),
  ]),
];

/**
 * The demo directory as `resolveRoute` takes it, with ids by list position (1-based), as the
 * seed inserts them into an empty database; the evaluation tool and tests use it offline.
 */
export function seedRoutingModel() {
  const id = (list: readonly { code: string }[], code: string): number => {
    const i = list.findIndex((x) => x.code === code);
    if (i < 0) throw new Error(`unknown code ${code}`);
    return i + 1;
  };
  const departments = DEPARTMENTS.map((d, i) => ({
    id: i + 1,
    code: d.code,
    kind: d.kind,
    sectors: d.sectors,
    territoryIds: d.territories.map((t) => id(TERRITORIES, t)),
    active: true,
  }));
  const rules: RoutingRuleLike[] = ROUTING_RULES.map((r, i) => ({
    id: i + 1,
    sector: r.sector,
    categoryId: r.category ? id(CATEGORIES, r.category) : null,
    territoryId: r.territory ? id(TERRITORIES, r.territory) : null,
    departmentId: id(DEPARTMENTS, r.department),
  }));
  return { departments, rules, categoryId: (code: string) => id(CATEGORIES, code), territoryId: (code: string) => id(TERRITORIES, code) };
}
