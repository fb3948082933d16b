import { Migration } from '@mikro-orm/migrations';

/** Kinds of bodies as this migration knows them (shared DEPARTMENT_KINDS at the time). */
const KINDS = ['admin_unit', 'municipal_institution', 'resource_supplier', 'management_company', 'regional_body'];

/** Routing: the directory of bodies (kinds, territories, active), routing rules, the audit log, and the previous department on events. */
export class Migration0004Routing extends Migration {
  override up(): void {
    const kinds = KINDS.map((k) => `'${k}'`).join(', ');
    const statements: string[] = [
      // The foundation's two coarse kinds become the directory's five.
      `update "department" set "kind" = case "kind" when 'organisation' then 'resource_supplier' when 'authority' then 'admin_unit' else "kind" end`,
      `update "department" set "kind" = 'admin_unit' where "kind" not in (${kinds})`,
      `alter table "department"
        add column "territory_ids" int[] not null default '{}',
        add column "active" boolean not null default true,
        add constraint "department_kind_check" check ("kind" in (${kinds}))`,

      `create table "routing_rule" ("id" serial primary key, "sector" varchar(50) not null, "category_id" int null references "category" ("id"), "territory_id" int null references "territory" ("id"), "department_id" int not null references "department" ("id"), "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1)`,
      // One rule per (sector, category, territory); a missing category or territory counts as equal.
      `create unique index "routing_rule_match_unique" on "routing_rule" ("sector", coalesce("category_id", 0), coalesce("territory_id", 0))`,
      `create index "routing_rule_department_id_index" on "routing_rule" ("department_id")`,

      `create table "audit_log" ("id" bigserial primary key, "at" timestamptz not null, "actor_id" int null, "actor_name" varchar(255) null, "entity" varchar(50) not null, "entity_id" int not null, "action" varchar(50) not null, "before" jsonb null, "after" jsonb null)`,
      `create index "audit_log_entity_id_index" on "audit_log" ("entity", "id")`,
      // Audited like the event log: the database refuses to rewrite history.
      `create trigger "audit_log_no_update" before update or delete on "audit_log" for each row execute function "event_is_append_only"()`,

      // The department that lost an item when it was re-routed: its executors replay that event.
      `alter table "event" add column "previous_department_id" int null`,
      `create index "event_previous_department_id_index" on "event" ("previous_department_id", "seq") where "previous_department_id" is not null`,
      `create index "event_department_id_seq_index" on "event" ("department_id", "seq") where "department_id" is not null`,
    ];
    for (const sql of statements) this.addSql(sql);
  }
}
