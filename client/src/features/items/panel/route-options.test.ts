import type { DirectoryDto } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { routeOptions } from './route-options';

const dept = (id: number, name: string, code: string, active = true): DirectoryDto['departments'][number] => ({
  id,
  name,
  code,
  kind: 'admin_unit',
  sectors: ['housing'],
  territoryIds: [],
  active,
});
const all = [
  dept(1, 'Комитет по дорожному хозяйству', 'roads_dept'),
  dept(2, 'Жилищный комитет', 'housing_committee'),
  dept(3, 'УК «Надёжный дом»', 'uk_nadezhny'),
  dept(4, 'Старый комитет', 'old', false),
];

describe('route options', () => {
  it('puts the suggested body first, the rest by name, and hides inactive ones', () => {
    expect(routeOptions(all, '', 3).map((d) => d.id)).toEqual([3, 2, 1]);
  });

  it('matches every typed word in the name or the code, ignoring case and ё', () => {
    expect(routeOptions(all, 'КОМИТЕТ жил', null).map((d) => d.id)).toEqual([2]);
    expect(routeOptions(all, 'надежный', null).map((d) => d.id)).toEqual([3]);
    expect(routeOptions(all, 'roads', null).map((d) => d.id)).toEqual([1]);
    expect(routeOptions(all, 'нет такого', null)).toEqual([]);
  });
});
