import { IngestItem, ROLES, SECTORS } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  DEMO_USERS,
  DEPARTMENTS,
  FACTS,
  MISC_CATEGORY_NAME,
  TERRITORIES,
  createRng,
  generateItems,
  miscCategoryCode,
} from './demo-data.js';
import { fillTemplate } from './text.js';

const NOW = new Date('2025-03-12T09:30:00Z');

describe('demo directory', () => {
  it('gives every sector at least three categories plus «Прочие по направлению» (RULES: [002] 19–20)', () => {
    for (const sector of SECTORS) {
      const own = CATEGORIES.filter((c) => c.sector === sector);
      expect(own.filter((c) => c.name !== MISC_CATEGORY_NAME).length, sector).toBeGreaterThanOrEqual(3);
      expect(own.find((c) => c.name === MISC_CATEGORY_NAME)?.code, sector).toBe(miscCategoryCode(sector));
    }
  });

  it('uses unique, stable latin codes prefixed by their sector', () => {
    const codes = CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of CATEGORIES) expect(c.code).toMatch(new RegExp(`^${c.sector}\\.[a-z_]+$`));
    for (const list of [TERRITORIES, DEPARTMENTS]) {
      const own = list.map((x) => x.code);
      expect(new Set(own).size).toBe(own.length);
    }
  });

  it('has a demo account for every role, each bound to a known department', () => {
    for (const role of ROLES) expect(DEMO_USERS.some((u) => u.roles.includes(role)), role).toBe(true);
    const logins = DEMO_USERS.map((u) => u.login);
    expect(new Set(logins).size).toBe(logins.length);
    const departments = new Set(DEPARTMENTS.map((d) => d.code));
    for (const u of DEMO_USERS) {
      if (u.roles.includes('executor')) expect(u.departmentCode, u.login).not.toBeNull();
      if (u.departmentCode) expect(departments.has(u.departmentCode), u.login).toBe(true);
    }
  });

  it('has problem statements for every category and only for known ones', () => {
    const codes = new Set(CATEGORIES.map((c) => c.code));
    for (const code of codes) expect(FACTS[code]?.length ?? 0, code).toBeGreaterThanOrEqual(3);
    for (const code of Object.keys(FACTS)) expect(codes.has(code), code).toBe(true);
  });
});

describe('generateItems', () => {
  it('produces items that the ingest contract accepts', () => {
    const items = generateItems(500, createRng(1), NOW);
    expect(items).toHaveLength(500);
    for (const item of items) expect(() => IngestItem.parse(item)).not.toThrow();
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateItems(200, createRng('demo'), NOW);
    expect(generateItems(200, createRng('demo'), NOW)).toEqual(a);
    expect(generateItems(200, createRng('other'), NOW)).not.toEqual(a);
  });

  it('picks a plausible channel per kind, unique external ids and links for social posts', () => {
    const items = generateItems(1000, createRng(7), NOW);
    const allowed = { incident: ['vk', 'ok', 'telegram'], message: ['pos'], appeal: ['pos', 'email', 'call_centre', 'regional_platform'] };
    for (const item of items) {
      expect(allowed[item.kind]).toContain(item.channel);
      if (item.kind === 'incident') expect(item.link).toMatch(/^https:\/\//);
      else expect(item.link).toBeNull();
    }
    expect(new Set(items.map((i) => i.externalId)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.kind)).size).toBe(3);
  });

  it('uses directory codes and a category that belongs to the sector', () => {
    const categories = new Map(CATEGORIES.map((c) => [c.code, c.sector]));
    const territories = new Set(TERRITORIES.map((t) => t.code));
    for (const item of generateItems(1000, createRng(3), NOW)) {
      if (item.categoryCode) expect(categories.get(item.categoryCode)).toBe(item.sector);
      expect(territories.has(item.territoryCode ?? '')).toBe(true);
      expect(item.text).not.toMatch(/[{}]/);
    }
  });

  it('spreads items over the last days, oldest first, never in the future', () => {
    const items = generateItems(300, createRng(9), NOW, { spreadDays: 5 });
    const times = items.map((i) => Date.parse(i.receivedAt ?? ''));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 5 * 86_400_000);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(3 * 86_400_000);
    const live = generateItems(5, createRng(9), NOW, { spreadDays: 0 });
    expect(live.every((i) => i.receivedAt === NOW.toISOString())).toBe(true);
  });
});

describe('text helpers', () => {
  it('refuses a template placeholder without a value', () => {
    expect(fillTemplate('у дома {address}', { address: 'ул. Мира, д. 1' })).toBe('у дома ул. Мира, д. 1');
    expect(() => fillTemplate('{missing}', {})).toThrow(/missing/);
  });
});
