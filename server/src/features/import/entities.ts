import { ImportJob } from './import-job.entity.js';

/** The import feature's entities (registered in db/entities.ts). */
export const IMPORT_ENTITIES = [ImportJob] as const;
