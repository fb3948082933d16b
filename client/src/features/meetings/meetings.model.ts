import { applyMeetingEvent, meetingEventStep, type Material, type MeetingEvent, type MeetingState, type TaskDto } from '@okno/shared';

type Person = { id: number; name: string };

/** People the secretary may invite: not in the composition, not invited yet, by name. */
export function inviteCandidates<U extends Person>(users: readonly U[], composition: readonly Person[], invitees: readonly Person[]): U[] {
  const taken = new Set([...composition, ...invitees].map((p) => p.id));
  return users.filter((u) => !taken.has(u.id)).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

export type AttendanceMode = 'in_room' | 'remote' | 'absent';

/** In the room beats remote, as in the protocol. */
export function attendanceMode(id: number, inRoom: ReadonlySet<number>, remote: ReadonlySet<number>): AttendanceMode {
  return inRoom.has(id) ? 'in_room' : remote.has(id) ? 'remote' : 'absent';
}

const URL_RE = /^https?:\/\/\S+$/i;

/**
 * Materials typed one per line: «Название | https://…», a bare link (its own title), or a bare
 * title. Blank lines are skipped; a non-http(s) link stays text, never a link.
 */
export function parseMaterials(text: string): Material[] {
  const out: Material[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const bar = line.lastIndexOf('|');
    if (bar >= 0) {
      const title = line.slice(0, bar).trim();
      const url = line.slice(bar + 1).trim();
      if (URL_RE.test(url)) out.push({ title: (title || url).slice(0, 300), url });
      else out.push({ title: line.slice(0, 300), url: null });
    } else if (URL_RE.test(line)) out.push({ title: line.slice(0, 300), url: line });
    else out.push({ title: line.slice(0, 300), url: null });
  }
  return out;
}

export type AssigneeInput = { kind: 'user'; userId: number } | { kind: 'department'; departmentId: number };

/** A select value `u:<id>` or `d:<id>` as the task's assignee; null for anything else. */
export function parseAssignee(value: string): AssigneeInput | null {
  const m = /^([ud]):(\d+)$/.exec(value);
  if (!m) return null;
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return m[1] === 'u' ? { kind: 'user', userId: id } : { kind: 'department', departmentId: id };
}

export function assigneeName(task: TaskDto): string {
  return task.assignee.kind === 'user' ? task.assignee.user.name : task.assignee.department.name;
}

/** Open tasks first, then by due day, then by id. */
export function sortTasks(tasks: readonly TaskDto[]): TaskDto[] {
  const rank = (t: TaskDto) => (t.status === 'open' ? 0 : 1);
  return [...tasks].sort((a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
}

/** An open task past its due day (`today` as YYYY-MM-DD). */
export function isOverdue(task: TaskDto, today: string): boolean {
  return task.status === 'open' && task.dueDate < today;
}

/** Today's calendar day in local time, as YYYY-MM-DD. */
export function localDay(d: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * Applies the buffered events that follow on from `state` in seq order; drops ones already
 * applied and keeps the ones after a gap (to be fetched by `meeting:sync`).
 */
export function drainEvents(state: MeetingState, buffer: readonly MeetingEvent[]): { state: MeetingState; rest: MeetingEvent[] } {
  let s = state;
  const rest: MeetingEvent[] = [];
  for (const e of [...buffer].sort((a, b) => a.seq - b.seq)) {
    const step = meetingEventStep(s.seq, e);
    if (step === 'apply') s = applyMeetingEvent(s, e);
    else if (step === 'gap') rest.push(e);
  }
  return { state: s, rest };
}
