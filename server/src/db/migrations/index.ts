import { Migration0001Initial } from './Migration0001Initial.js';
import { Migration0002Meetings } from './Migration0002Meetings.js';
import { Migration0003Deadlines } from './Migration0003Deadlines.js';
import { Migration0004Routing } from './Migration0004Routing.js';
import { Migration0005Answers } from './Migration0005Answers.js';
import { Migration0006Collaboration } from './Migration0006Collaboration.js';
import { Migration0007Import } from './Migration0007Import.js';
import { Migration0008Housekeeping } from './Migration0008Housekeeping.js';

/** Every migration, in order; checked in and applied at start-up. */
export const MIGRATIONS = [
  { name: 'Migration0001Initial', class: Migration0001Initial },
  { name: 'Migration0002Meetings', class: Migration0002Meetings },
  { name: 'Migration0003Deadlines', class: Migration0003Deadlines },
  { name: 'Migration0004Routing', class: Migration0004Routing },
  { name: 'Migration0005Answers', class: Migration0005Answers },
  { name: 'Migration0006Collaboration', class: Migration0006Collaboration },
  { name: 'Migration0007Import', class: Migration0007Import },
  { name: 'Migration0008Housekeeping', class: Migration0008Housekeeping },
];
