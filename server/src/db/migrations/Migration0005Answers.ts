import { Migration } from '@mikro-orm/migrations';
import { STARTER_TEMPLATES } from '../../features/answers/starter-templates.js';

const text = (value: string | null): string => (value == null ? 'null' : `'${value.replace(/'/g, "''")}'`);

/**
 * Answers and quality control, attachments, canned answers (seeded with starter ones to edit),
 * closing results, merged duplicates and ratings.
 */
export class Migration0005Answers extends Migration {
  override up(): void {
    const statements: string[] = [
      `alter table "item"
        add column "return_count" int not null default 0,
        add column "close_result" varchar(20) null,
        add column "merged_into_id" int null references "item" ("id"),
        add column "extension_request" jsonb null`,
      // A main item's followers are found by this index when it changes.
      `create index "item_merged_into_id_index" on "item" ("merged_into_id") where merged_into_id is not null`,

      `create table "item_answer" ("item_id" int primary key references "item" ("id"), "text" text not null, "author_id" int not null references "app_user" ("id"), "state" varchar(20) not null, "updated_at" timestamptz not null, "sent_at" timestamptz null, "sent_via" varchar(30) null, "from_item_id" int null references "item" ("id"), "version" int not null default 1)`,

      // Files live in the database with their item: one backup, one access rule.
      `create table "attachment" ("id" serial primary key, "item_id" int not null references "item" ("id"), "name" varchar(255) not null, "mime" varchar(255) not null, "size" int not null, "data" bytea not null, "uploaded_by" int not null references "app_user" ("id"), "created_at" timestamptz not null)`,
      `create index "attachment_item_id_index" on "attachment" ("item_id")`,
      // Which files an item's answer carries, in order (a duplicate links its main item's files).
      `create table "answer_attachment" ("item_id" int not null references "item" ("id"), "attachment_id" int not null references "attachment" ("id"), "position" int not null, primary key ("item_id", "attachment_id"))`,
      `create index "answer_attachment_attachment_id_index" on "answer_attachment" ("attachment_id")`,

      `create table "answer_template" ("id" serial primary key, "sector" varchar(20) null, "category_id" int null references "category" ("id"), "title" varchar(200) not null, "body" text not null, "updated_by" int null references "app_user" ("id"), "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1)`,
      `create index "answer_template_sector_index" on "answer_template" ("sector", "category_id")`,
      // Every change of a canned answer, append-only like the event log.
      `create table "answer_template_revision" ("id" bigserial primary key, "template_id" int not null, "at" timestamptz not null, "actor_id" int null, "actor_name" varchar(255) null, "action" varchar(10) not null, "version" int not null, "before" jsonb null, "after" jsonb null)`,
      `create index "answer_template_revision_template_id_index" on "answer_template_revision" ("template_id")`,
      `create trigger "answer_template_revision_no_update" before update or delete on "answer_template_revision" for each row execute function "event_is_append_only"()`,

      // The department the item was with when rated: a low rating counts against it.
      `create table "item_rating" ("id" serial primary key, "item_id" int not null references "item" ("id"), "score" smallint not null check ("score" between 1 and 5), "comment" varchar(2000) null, "source" varchar(20) not null, "department_id" int null references "department" ("id"), "rated_by" int null references "app_user" ("id"), "at" timestamptz not null)`,
      `create index "item_rating_item_id_at_index" on "item_rating" ("item_id", "at")`,
      `create index "item_rating_department_id_at_index" on "item_rating" ("department_id", "at")`,
      // Answers returned for rework, counted per department from the event log.
      `create index "event_answer_returned" on "event" ("department_id", "at") where type = 'item.answer_returned'`,
    ];
    for (const t of STARTER_TEMPLATES) {
      statements.push(
        `insert into "answer_template" ("sector", "title", "body", "created_at", "updated_at") values (${text(t.sector)}, ${text(t.title)}, ${text(t.body)}, now(), now())`,
      );
    }
    statements.push(
      `insert into "answer_template_revision" ("template_id", "at", "action", "version", "after") select "id", now(), 'create', 1, jsonb_build_object('sector', "sector", 'categoryId', null, 'title', "title", 'body', "body") from "answer_template"`,
    );
    for (const sql of statements) this.addSql(sql);
  }
}
