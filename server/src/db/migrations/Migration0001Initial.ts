import { Migration } from '@mikro-orm/migrations';

/** The foundation schema: directory, people, items, comments, the event log, idempotency. */
export class Migration0001Initial extends Migration {
  override up(): void {
    const statements = [
      `create table "department" ("id" serial primary key, "code" varchar(255) not null unique, "name" varchar(255) not null, "kind" varchar(255) not null, "sectors" text[] not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1)`,
      `create table "territory" ("id" serial primary key, "code" varchar(255) not null unique, "municipality" varchar(255) not null, "district" varchar(255) null)`,
      `create table "category" ("id" serial primary key, "code" varchar(255) not null unique, "sector" varchar(255) not null, "name" varchar(255) not null)`,
      `create table "source" ("id" serial primary key, "code" varchar(255) not null unique, "name" varchar(255) not null, "api_key_hash" varchar(255) not null unique)`,
      `create table "app_user" ("id" serial primary key, "login" varchar(255) not null unique, "name" varchar(255) not null, "password_hash" varchar(255) not null, "roles" text[] not null, "department_id" int null references "department" ("id"), "sectors" text[] not null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1)`,
      `create table "app_session" ("id" varchar(255) primary key, "user_id" int not null references "app_user" ("id") on delete cascade, "ip" varchar(255) null, "created_at" timestamptz not null, "expires_at" timestamptz not null)`,
      `create index "app_session_user_id_index" on "app_session" ("user_id")`,
      `create table "item" ("id" serial primary key, "kind" varchar(255) not null, "channel" varchar(255) not null, "source_id" int not null references "source" ("id"), "external_id" varchar(255) not null, "title" varchar(300) not null, "text" text not null, "author_name" varchar(255) null, "link" varchar(2000) null, "sector" varchar(255) null, "category_id" int null references "category" ("id"), "territory_id" int null references "territory" ("id"), "address" varchar(500) null, "status" varchar(255) not null, "assignee_id" int null references "app_user" ("id"), "department_id" int null references "department" ("id"), "escalation_level" varchar(255) not null, "received_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "item_source_id_external_id_unique" unique ("source_id", "external_id"))`,
      `create index "item_status_index" on "item" ("status")`,
      `create index "item_department_id_index" on "item" ("department_id")`,
      `create index "item_updated_at_index" on "item" ("updated_at")`,
      `create table "item_comment" ("id" serial primary key, "item_id" int not null references "item" ("id"), "author_id" int not null references "app_user" ("id"), "text" text not null, "created_at" timestamptz not null)`,
      `create index "item_comment_item_id_index" on "item_comment" ("item_id")`,
      `create table "event" ("seq" bigserial primary key, "at" timestamptz not null, "actor_id" int null, "actor_name" varchar(255) null, "ip" varchar(255) null, "type" varchar(255) not null, "item_id" int null, "department_id" int null, "payload" jsonb not null)`,
      `create index "event_item_id_seq_index" on "event" ("item_id", "seq")`,
      // The event log is the audit trail: the database itself refuses to rewrite history.
      `create function "event_is_append_only"() returns trigger language plpgsql as $$ begin raise exception 'event log is append-only'; end $$`,
      `create trigger "event_no_update" before update or delete on "event" for each row execute function "event_is_append_only"()`,
      `create table "applied_mutation" ("id" varchar(255) primary key, "user_id" int not null, "result" jsonb not null, "created_at" timestamptz not null)`,
    ];
    for (const sql of statements) this.addSql(sql);
  }
}
