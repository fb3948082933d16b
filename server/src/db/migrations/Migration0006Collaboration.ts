import { Migration } from '@mikro-orm/migrations';

/**
 * Saved views (personal and shared): a name for the queue's filters, unique per owner. Shared
 * views are read by everyone, so they get their own partial index.
 */
export class Migration0006Collaboration extends Migration {
  override up(): void {
    const statements = [
      `create table "saved_view" (
        "id" serial primary key,
        "owner_id" int not null references "app_user" ("id") on delete cascade,
        "name" varchar(100) not null,
        "shared" boolean not null default false,
        "query" varchar(2000) not null default '',
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "version" int not null default 1,
        constraint "saved_view_owner_id_name_unique" unique ("owner_id", "name")
      )`,
      `create index "saved_view_shared_index" on "saved_view" ("id") where "shared"`,
    ];
    for (const sql of statements) this.addSql(sql);
  }
}
