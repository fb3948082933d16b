import { Migration } from '@mikro-orm/migrations';
import { DEFAULT_POLICIES, RUSSIAN_CALENDARS } from '@okno/shared';

const OPEN = `status not in ('answered', 'closed')`;
const json = (value: unknown): string => `'${JSON.stringify(value).replace(/'/g, "''")}'::jsonb`;

/**
 * Deadlines and escalation: the clock columns of an item, the indexes that make a scheduler tick
 * an index range scan, editable deadline settings with an append-only revision log, and in-app
 * notifications. Settings are seeded with the engine's defaults as they stood at this migration.
 */
export class Migration0003Deadlines extends Migration {
  override up(): void {
    const statements = [
      `alter table "item"
        add column "importance" varchar(20) not null default 'normal',
        add column "policy_id" varchar(100) null,
        add column "policy" jsonb null,
        add column "deadlines" jsonb null,
        add column "extended_days" int not null default 0,
        add column "interim_answered_at" timestamptz null,
        add column "reopened_at" timestamptz null,
        add column "closed_at" timestamptz null,
        add column "at_risk_at" timestamptz null,
        add column "due_at" timestamptz null,
        add column "risk_state" varchar(20) not null default 'on_time',
        add column "late_marked_at" timestamptz null`,
      // One partial index per scheduler transition: each tick reads only the rows that cross.
      `create index "item_at_risk_pending" on "item" ("at_risk_at") where risk_state = 'on_time' and ${OPEN}`,
      `create index "item_overdue_pending" on "item" ("due_at") where risk_state <> 'overdue' and ${OPEN}`,
      `create index "item_late_pending" on "item" ("due_at") where risk_state = 'overdue' and late_marked_at is null and ${OPEN}`,
      // The wall: open items by sector and territory; arrivals and closures of the last day.
      `create index "item_open_wall" on "item" ("sector", "territory_id", "status", "risk_state", "escalation_level") where ${OPEN}`,
      `create index "item_received_at_index" on "item" ("received_at")`,
      `create index "item_closed_at_index" on "item" ("closed_at") where closed_at is not null`,
      `update "item" set "closed_at" = "updated_at" where "status" = 'closed'`,

      `create table "deadline_policy" ("id" serial primary key, "code" varchar(100) not null unique, "body" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1)`,
      `create table "production_calendar" ("year" int primary key, "body" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1)`,
      `create table "centre_settings" ("id" int primary key, "body" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "centre_settings_single_row" check ("id" = 1))`,
      `create table "settings_revision" ("id" bigserial primary key, "at" timestamptz not null, "actor_id" int null, "actor_name" varchar(255) null, "target" varchar(20) not null, "key" varchar(100) not null, "version" int not null, "reason" varchar(1000) not null, "before" jsonb null, "after" jsonb null)`,
      // Settings changes are audited like the event log: history cannot be rewritten.
      `create trigger "settings_revision_no_update" before update or delete on "settings_revision" for each row execute function "event_is_append_only"()`,

      `create table "notification" ("id" serial primary key, "user_id" int not null references "app_user" ("id") on delete cascade, "item_id" int null references "item" ("id"), "kind" varchar(20) not null, "text" varchar(1000) not null, "created_at" timestamptz not null, "read_at" timestamptz null)`,
      `create index "notification_user_id_id_index" on "notification" ("user_id", "id")`,
      `create index "notification_unread" on "notification" ("user_id") where read_at is null`,
    ];
    for (const { id, ...body } of DEFAULT_POLICIES) {
      statements.push(`insert into "deadline_policy" ("code", "body", "created_at", "updated_at") values ('${id}', ${json(body)}, now(), now())`);
    }
    for (const { year, ...body } of RUSSIAN_CALENDARS) {
      statements.push(`insert into "production_calendar" ("year", "body", "created_at", "updated_at") values (${year}, ${json(body)}, now(), now())`);
    }
    statements.push(
      `insert into "centre_settings" ("id", "body", "created_at", "updated_at") values (1, ${json({ timeZone: 'Europe/Moscow', workdayStart: '09:00', workdayEnd: '18:00', shortDayCutMinutes: 60 })}, now(), now())`,
      `insert into "settings_revision" ("at", "target", "key", "version", "reason") values (now(), 'centre', 'defaults', 1, 'Значения по умолчанию (RULES.md, производственные календари 2025–2027)')`,
    );
    for (const sql of statements) this.addSql(sql);
  }
}
