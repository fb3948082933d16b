import type { AgendaItemDto, MeetingEvent, TaskDto, VoteDto } from '@okno/shared';
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { ApiError } from '../../api/http';
import { meetingsApi } from '../../api/meetings.api';
import { useToasts } from '../../app/toasts';
import { useDirectory } from '../directory/directory.store';
import { useMeetingsText } from './meetings.i18n';
import { assigneeName, isOverdue, localDay, parseAssignee, sortTasks } from './meetings.model';

/**
 * Tasks under control. The secretary marks one done (or back under control); the answer is
 * shown at once, since a task of another meeting never reaches this meeting's replica.
 */
export function TaskList(props: { tasks: readonly TaskDto[]; canManage: boolean; showMeeting?: boolean; onEvent?: (e: MeetingEvent) => void }) {
  const m = useMeetingsText();
  const toasts = useToasts();
  const [updated, setUpdated] = createSignal<ReadonlyMap<number, TaskDto>>(new Map());
  const [busy, setBusy] = createSignal<number | null>(null);
  const today = localDay();
  const rows = createMemo(() =>
    sortTasks(
      props.tasks.map((t) => {
        const u = updated().get(t.id);
        return u && u.version > t.version ? u : t;
      }),
    ),
  );
  const setStatus = async (task: TaskDto, status: TaskDto['status']) => {
    setBusy(task.id);
    try {
      const event = await meetingsApi.updateTask(task.id, { version: task.version, status });
      if (event.data.type === 'task.updated') {
        const t = event.data.task;
        setUpdated((prev) => new Map(prev).set(t.id, t));
      }
      props.onEvent?.(event);
    } catch (err) {
      toasts.push('error', err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Show when={rows().length > 0} fallback={<p class="muted">{m().noTasks}</p>}>
      <ul class="mt-tasks">
        <For each={rows()}>
          {(task) => (
            <li data-testid="task-row" data-task-id={task.id} data-status={task.status} classList={{ overdue: isOverdue(task, today) }}>
              <span class="mt-task-text">{task.text}</span>
              <span class="muted">
                {assigneeName(task)} · {m().taskDue} {task.dueDate}
                <Show when={isOverdue(task, today)}> · {m().overdue}</Show>
                <Show when={props.showMeeting}>
                  {' '}
                  · <A href={`/meetings/${task.meetingId}`}>
                    {m().meetingNo}
                    {task.meetingId}
                  </A>
                </Show>
              </span>
              <span class={`mt-task-status mt-task-${task.status}`}>{m().taskStatus[task.status]}</span>
              <Show when={props.canManage}>
                <Show
                  when={task.status === 'open'}
                  fallback={
                    <button type="button" class="mt-small" disabled={busy() === task.id} onClick={() => void setStatus(task, 'open')}>
                      {m().taskReopen}
                    </button>
                  }
                >
                  <button type="button" class="mt-small" data-testid="task-done" disabled={busy() === task.id} onClick={() => void setStatus(task, 'done')}>
                    {m().taskDone}
                  </button>
                </Show>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** The secretary turns a decision into a task: on an agenda item, to a person or a department, by a day. */
export function TaskForm(props: {
  items: readonly AgendaItemDto[];
  votes: readonly VoteDto[];
  currentItemId: number | null;
  create: (body: Record<string, unknown>) => Promise<boolean>;
}) {
  const m = useMeetingsText();
  const dir = useDirectory();
  const [itemId, setItemId] = createSignal<number | null>(null);
  const [text, setText] = createSignal('');
  const [assignee, setAssignee] = createSignal('');
  const [due, setDue] = createSignal('');
  const item = () => itemId() ?? props.currentItemId ?? props.items[0]?.id ?? null;
  /** The item's latest closed vote: the decision the task comes from. */
  const voteId = () =>
    props.votes
      .filter((v) => v.agendaItemId === item() && v.status === 'closed')
      .reduce<number | null>((last, v) => (last === null || v.id > last ? v.id : last), null);
  const ready = () => !!text().trim() && parseAssignee(assignee()) !== null && /^\d{4}-\d{2}-\d{2}$/.test(due());
  const submit = (e: Event) => {
    e.preventDefault();
    const a = parseAssignee(assignee());
    if (!ready() || !a) return;
    void props.create({ agendaItemId: item(), voteId: voteId(), text: text().trim(), assignee: a, dueDate: due() }).then((ok) => {
      if (ok) {
        setText('');
        setAssignee('');
        setDue('');
      }
    });
  };
  return (
    <form class="mt-form" data-testid="task-form" onSubmit={submit}>
      <Show when={props.items.length > 1}>
        <select data-testid="task-item" value={item() ?? ''} onChange={(e) => setItemId(Number(e.currentTarget.value) || null)}>
          <For each={props.items}>{(i) => <option value={i.id}>{i.title}</option>}</For>
        </select>
      </Show>
      <textarea data-testid="task-text" rows={2} placeholder={m().taskText} maxLength={5000} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
      <div class="mt-row">
        <label>
          {m().taskAssignee}
          <select data-testid="task-assignee" value={assignee()} onChange={(e) => setAssignee(e.currentTarget.value)}>
            <option value="">—</option>
            <optgroup label={m().taskPeople}>
              <For each={dir.users()}>{(u) => <option value={`u:${u.id}`}>{u.name}</option>}</For>
            </optgroup>
            <optgroup label={m().taskDepartments}>
              <For each={dir.departments()}>{(d) => <option value={`d:${d.id}`}>{d.name}</option>}</For>
            </optgroup>
          </select>
        </label>
        <label>
          {m().taskDue}
          <input type="date" data-testid="task-due" value={due()} onInput={(e) => setDue(e.currentTarget.value)} />
        </label>
        <button type="submit" data-testid="task-create" disabled={!ready()}>
          {m().createTask}
        </button>
      </div>
    </form>
  );
}
