import { Migration0001Initial } from './Migration0001Initial.js';
import { Migration0002Meetings } from './Migration0002Meetings.js';
import { Migration0003Deadlines } from './Migration0003Deadlines.js';

/** Every migration, in order; checked in and applied at start-up. */
export const MIGRATIONS = [
  { name: 'Migration0001Initial', class: Migration0001Initial },
  { name: 'Migration0002Meetings', class: Migration0002Meetings },
  { name: 'Migration0003Deadlines', class: Migration0003Deadlines },
];
