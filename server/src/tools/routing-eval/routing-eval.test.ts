import { describe, expect, it } from 'vitest';
import { bodyKind } from './body-kinds.js';
import { evaluateRouting } from './evaluate.js';
import { kurskCategory, kurskCounterpart, kurskTerritory } from './kursk-topics.js';

describe('the kind of a real responsible body', () => {
  it('reads the kind from the body’s name in both data sets', () => {
    expect(bodyKind('Администрация города Курска')).toBe('admin_unit');
    expect(bodyKind('Комитет дорожного хозяйства города Курска')).toBe('admin_unit');
    expect(bodyKind('Администрация Невского района')).toBe('admin_unit');
    expect(bodyKind('Государственная жилищная инспекция Курской области')).toBe('regional_body');
    expect(bodyKind('Комитет по энергетике и инженерному обеспечению')).toBe('regional_body');
    expect(bodyKind('Комитет по управлению муниципальным имуществом города Курска')).toBe('admin_unit');
    expect(bodyKind('СПб ГКУ ЖА Невского района')).toBe('municipal_institution');
    expect(bodyKind('МКУ «Управление по делам ГО и ЧС при Администрации города Курска»')).toBe('municipal_institution');
    expect(bodyKind('ГУП «Водоканал Санкт-Петербурга»')).toBe('resource_supplier');
    expect(bodyKind('ООО `УК Курска`')).toBe('management_company');
    expect(bodyKind('ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ЖИЛКОМСЕРВИС № 2 ПУШКИНСКОГО РАЙОНА"')).toBe('management_company');
  });

  it('knows nothing about an empty name or a role', () => {
    expect(bodyKind('')).toBeNull();
    expect(bodyKind('Ответственный ПМИ')).toBeNull();
  });
});

describe('Kursk topics and territories', () => {
  it('maps topics to our categories where they share words in the right order', () => {
    expect(kurskCategory('Остановки общественного транспорта на дорогах в границах городских округов')).toBe('transport.stops');
    expect(kurskCategory('Безопасная дорога в школу на дорогах в границах городских округов')).toBe('roads.crossings');
    expect(kurskCategory('Ненадлежащее исполнение управляющей компанией работ по содержанию электросети')).toBe('housing.management');
    expect(kurskCategory('Нарушение дорожного покрытия (ямы)  на дорогах')).toBe('roads.potholes');
    expect(kurskCategory('Несанкционированные свалки твёрдых бытовых отходов')).toBe('waste.dumps');
    expect(kurskCategory('Низкое качество проведения культурно-массовых мероприятий')).toBe('other.misc');
    expect(kurskCategory('Тестовая категория')).toBeNull();
  });

  it('finds a town in the text, else the regional centre', () => {
    expect(kurskTerritory('Помогите, начальник Льговского РЭС не реагирует')).toBe('lgov');
    expect(kurskTerritory('г. Железногорск, ул. Ленина')).toBe('zheleznogorsk');
    expect(kurskTerritory('На улице Урицкого нет света')).toBe('kursk.central');
  });

  it('names the demo counterpart of a real body', () => {
    expect(kurskCounterpart('Комитет жилищно-коммунального хозяйства города Курска')).toBe('housing_committee');
    expect(kurskCounterpart('Администрация Сеймского округа города Курска')).toBe('city_admin');
    expect(kurskCounterpart('Администрация Хомутовского района')).toBeNull();
  });
});

describe('evaluateRouting', () => {
  it('counts agreement of kind and of body against the demo rules', () => {
    const r = evaluateRouting([
      { categoryCode: 'health.care_quality', territoryCode: 'kursk.central', realKind: 'regional_body', counterpart: 'health_ministry' },
      { categoryCode: 'roads.potholes', territoryCode: 'kursk.central', realKind: 'admin_unit', counterpart: 'city_admin' },
      { categoryCode: 'energy.grid', territoryCode: 'kursk.central', realKind: 'admin_unit', counterpart: null },
    ]);
    expect(r).toMatchObject({ total: 3, suggested: 3, sameKind: 2, withCounterpart: 2, sameBody: 1, majorityKind: 'admin_unit' });
    expect(r.confusion.admin_unit.resource_supplier).toBe(1);
  });
});
