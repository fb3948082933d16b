/**
 * The demo seed: Okno's own directory, accounts and item generator. Pure data and pure
 * functions, no I/O; whoever seeds a database or runs the simulator imports from here.
 */
export { CATEGORIES, DEPARTMENTS, MISC_CATEGORY_NAME, TERRITORIES, miscCategoryCode } from './directory.js';
export type { DepartmentKind, SeedCategory, SeedDepartment, SeedTerritory } from './directory.js';
export { DEMO_PASSWORD, DEMO_USERS } from './users.js';
export type { SeedUser } from './users.js';
export { FACTS, generateItems, streamItems } from './generate.js';
export type { GenerateOptions } from './generate.js';
export { createRng } from './rng.js';
export type { Rng } from './rng.js';
