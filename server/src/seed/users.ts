/**
 * Demo accounts: at least one for every role, so a newcomer can open each workspace.
 * Names are invented. All share one password; the demo seed must never run in production.
 */
import type { Role, Sector } from '@okno/shared';

export const DEMO_PASSWORD = 'okno-demo';

export interface SeedUser {
  login: string;
  name: string;
  roles: Role[];
  /** A code from DEPARTMENTS, for executors. */
  departmentCode: string | null;
  sectors: Sector[];
}

export const DEMO_USERS: readonly SeedUser[] = [
  { login: 'operator1', name: 'Смирнова Ольга Викторовна', roles: ['operator'], departmentCode: null, sectors: [] },
  { login: 'operator2', name: 'Кузнецов Артём Игоревич', roles: ['operator'], departmentCode: null, sectors: [] },
  {
    login: 'executor_housing',
    name: 'Белова Наталья Сергеевна',
    roles: ['executor'],
    departmentCode: 'housing_committee',
    sectors: ['housing'],
  },
  {
    login: 'executor_roads',
    name: 'Фомин Денис Андреевич',
    roles: ['executor'],
    departmentCode: 'roads_dept',
    sectors: ['roads'],
  },
  {
    login: 'sector_lead',
    name: 'Захаров Михаил Петрович',
    roles: ['sector_lead'],
    departmentCode: null,
    sectors: ['housing', 'waste'],
  },
  // The head, deputy and secretary sit in the centre's meetings, so they are members too.
  { login: 'head', name: 'Орлов Владимир Николаевич', roles: ['head', 'member'], departmentCode: null, sectors: [] },
  {
    login: 'deputy',
    name: 'Лебедева Ирина Александровна',
    roles: ['deputy_head', 'member'],
    departmentCode: null,
    sectors: [],
  },
  {
    login: 'secretary',
    name: 'Титова Екатерина Олеговна',
    roles: ['secretary', 'member'],
    departmentCode: null,
    sectors: [],
  },
  { login: 'curator', name: 'Григорьев Павел Евгеньевич', roles: ['curator'], departmentCode: null, sectors: [] },
  { login: 'analyst', name: 'Мельникова Анна Дмитриевна', roles: ['analyst'], departmentCode: null, sectors: [] },
  { login: 'member1', name: 'Воробьёв Сергей Иванович', roles: ['member'], departmentCode: null, sectors: [] },
  { login: 'member2', name: 'Киселёва Татьяна Юрьевна', roles: ['member'], departmentCode: null, sectors: [] },
  { login: 'member3', name: 'Никитин Алексей Романович', roles: ['member'], departmentCode: null, sectors: [] },
  { login: 'admin', name: 'Соколов Илья Максимович', roles: ['admin'], departmentCode: null, sectors: [] },
  { login: 'smm', name: 'Павлова Дарья Константиновна', roles: ['smm_officer'], departmentCode: null, sectors: [] },
  { login: 'pos', name: 'Егоров Кирилл Владимирович', roles: ['pos_officer'], departmentCode: null, sectors: [] },
];
