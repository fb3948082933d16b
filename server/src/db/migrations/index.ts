import { Migration0001Initial } from './Migration0001Initial.js';

/** Every migration, in order; checked in and applied at start-up. */
export const MIGRATIONS = [{ name: 'Migration0001Initial', class: Migration0001Initial }];
