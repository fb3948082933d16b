import { Migration } from '@mikro-orm/migrations';

/** Import jobs of XLSX and CSV exports: the uploaded file, the run's settings, progress and report. */
export class Migration0007Import extends Migration {
  override up(): void {
    const statements: string[] = [
      `create table "import_job" ("id" uuid primary key, "user_id" int not null references "app_user" ("id"), "file_name" varchar(255) not null, "format" varchar(8) not null check ("format" in ('xlsx', 'csv')), "data" bytea not null, "status" varchar(16) not null check ("status" in ('uploaded', 'running', 'done', 'failed')), "settings" jsonb null, "total" int not null default 0, "processed" int not null default 0, "result" jsonb null, "error" text null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null)`,
      `create index "import_job_user_id_created_at_index" on "import_job" ("user_id", "created_at")`,
    ];
    for (const sql of statements) this.addSql(sql);
  }
}
