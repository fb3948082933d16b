import { Migration } from '@mikro-orm/migrations';

/** Housekeeping: pruning old applied mutation ids reads them by age. */
export class Migration0008Housekeeping extends Migration {
  override up(): void {
    this.addSql(`create index "applied_mutation_created_at" on "applied_mutation" ("created_at")`);
  }
}
