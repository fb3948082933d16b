import { Migration } from '@mikro-orm/migrations';

const stamps = `"created_at" timestamptz not null, "updated_at" timestamptz not null`;

/**
 * Meetings of the centre: agenda, invitees, opinions, attendance, votes and ballots, protocol,
 * decisions as tasks; and the meeting stream in the shared event log (`event.meeting_id`).
 */
export class Migration0002Meetings extends Migration {
  override up(): void {
    const statements = [
      `alter table "event" add column "meeting_id" int null`,
      `create index "event_meeting_id_seq_index" on "event" ("meeting_id", "seq")`,
      `create table "meeting" ("id" serial primary key, "title" varchar(300) not null, "status" varchar(32) not null, "starts_at" timestamptz null, "place" varchar(500) null, "remote_link" varchar(2000) null, "created_by_id" int not null references "app_user" ("id"), "approved_by_id" int null references "app_user" ("id"), "current_agenda_item_id" int null, "composition" jsonb null, "remote_seen" jsonb not null default '[]', "started_at" timestamptz null, "ended_at" timestamptz null, ${stamps}, "version" int not null default 1)`,
      `create index "meeting_starts_at_index" on "meeting" ("starts_at")`,
      `create table "meeting_invitee" ("meeting_id" int not null references "meeting" ("id"), "user_id" int not null references "app_user" ("id"), "created_at" timestamptz not null, primary key ("meeting_id", "user_id"))`,
      `create index "meeting_invitee_user_id_index" on "meeting_invitee" ("user_id")`,
      `create table "meeting_agenda_item" ("id" serial primary key, "meeting_id" int not null references "meeting" ("id"), "kind" varchar(32) not null, "status" varchar(32) not null, "position" int null, "title" varchar(500) not null, "description" text not null, "materials" jsonb not null, "task_ids" jsonb not null default '[]', "proposed_by_id" int not null references "app_user" ("id"), "notes" text not null default '', ${stamps}, "version" int not null default 1)`,
      `create index "meeting_agenda_item_meeting_id_index" on "meeting_agenda_item" ("meeting_id")`,
      `create table "meeting_opinion" ("id" serial primary key, "meeting_id" int not null references "meeting" ("id"), "agenda_item_id" int not null references "meeting_agenda_item" ("id"), "author_id" int not null references "app_user" ("id"), "text" text not null, ${stamps}, constraint "meeting_opinion_item_author_unique" unique ("agenda_item_id", "author_id"))`,
      `create index "meeting_opinion_meeting_id_index" on "meeting_opinion" ("meeting_id")`,
      `create table "meeting_attendance" ("meeting_id" int not null references "meeting" ("id"), "user_id" int not null references "app_user" ("id"), "in_room" boolean not null, "ever_in_room" boolean not null, "marked_by_id" int not null references "app_user" ("id"), "updated_at" timestamptz not null, primary key ("meeting_id", "user_id"))`,
      `create table "meeting_vote" ("id" serial primary key, "meeting_id" int not null references "meeting" ("id"), "agenda_item_id" int not null references "meeting_agenda_item" ("id"), "question" text not null, "secret" boolean not null default false, "status" varchar(16) not null, "chair_id" int not null references "app_user" ("id"), "opened_by_id" int not null references "app_user" ("id"), "opened_at" timestamptz not null, "closed_at" timestamptz null, "present_at_open" jsonb not null, "result" jsonb null, ${stamps}, "version" int not null default 1)`,
      `create index "meeting_vote_meeting_id_index" on "meeting_vote" ("meeting_id")`,
      // One open vote per meeting at a time.
      `create unique index "meeting_vote_one_open" on "meeting_vote" ("meeting_id") where "status" = 'open'`,
      // One ballot per member per vote: the primary key is the last word on a double vote.
      `create table "meeting_ballot" ("vote_id" int not null references "meeting_vote" ("id"), "member_id" int not null references "app_user" ("id"), "choice" varchar(16) not null, "cast_at" timestamptz not null, primary key ("vote_id", "member_id"))`,
      // The database itself keeps results final: ballots are never rewritten, none enters a
      // closed vote, and a closed vote never changes again.
      `create function "meeting_ballot_is_final"() returns trigger language plpgsql as $$ begin raise exception 'ballots are final'; end $$`,
      `create trigger "meeting_ballot_no_update" before update or delete on "meeting_ballot" for each row execute function "meeting_ballot_is_final"()`,
      `create function "meeting_ballot_needs_open_vote"() returns trigger language plpgsql as $$ begin if (select "status" from "meeting_vote" where "id" = new."vote_id") <> 'open' then raise exception 'the vote is closed'; end if; return new; end $$`,
      `create trigger "meeting_ballot_open_vote" before insert on "meeting_ballot" for each row execute function "meeting_ballot_needs_open_vote"()`,
      `create function "meeting_vote_is_final"() returns trigger language plpgsql as $$ begin if old."status" = 'closed' then raise exception 'a closed vote is final'; end if; return new; end $$`,
      `create trigger "meeting_vote_closed_is_final" before update or delete on "meeting_vote" for each row execute function "meeting_vote_is_final"()`,
      `create table "meeting_protocol" ("meeting_id" int primary key references "meeting" ("id"), "status" varchar(16) not null, "content" jsonb not null, "approved_by_id" int null references "app_user" ("id"), "approved_at" timestamptz null, "signed_by_id" int null references "app_user" ("id"), "signed_at" timestamptz null, "hash" varchar(64) null, ${stamps}, "version" int not null default 1)`,
      `create table "meeting_task" ("id" serial primary key, "meeting_id" int not null references "meeting" ("id"), "agenda_item_id" int null references "meeting_agenda_item" ("id"), "vote_id" int null references "meeting_vote" ("id"), "text" text not null, "assignee_user_id" int null references "app_user" ("id"), "assignee_department_id" int null references "department" ("id"), "due_date" date not null, "status" varchar(16) not null, "report" text not null default '', "created_by_id" int not null references "app_user" ("id"), ${stamps}, "version" int not null default 1, constraint "meeting_task_one_assignee" check (("assignee_user_id" is null) <> ("assignee_department_id" is null)))`,
      `create index "meeting_task_status_index" on "meeting_task" ("status")`,
      `create index "meeting_task_meeting_id_index" on "meeting_task" ("meeting_id")`,
    ];
    for (const sql of statements) this.addSql(sql);
  }
}
