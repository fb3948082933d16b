import { A, useNavigate } from '@solidjs/router';
import type { MeetingList } from '@okno/shared';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ApiError } from '../../api/http';
import { meetingsApi } from '../../api/meetings.api';
import { useToasts } from '../../app/toasts';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../auth/auth.store';
import { useMeetingsText } from './meetings.i18n';
import { canCreateMeeting, canSeeTasks, isSecretary } from './meetings.roles';
import { TaskList } from './MeetingTasks';
import { onMeetingNotice } from './MeetingNotices';
import './meetings.css';

type Entry = MeetingList['meetings'][number];

/** The person's meeting calendar, newest first, and (for the secretary or head) a new meeting. */
export function MeetingsPage() {
  const m = useMeetingsText();
  const { formatDateTime } = useI18n();
  const me = useMe();
  const toasts = useToasts();
  const navigate = useNavigate();
  const [list, { refetch }] = createResource(() => meetingsApi.list());
  // A meeting scheduled or an invitation while the calendar is open shows up at once.
  onMeetingNotice(() => void refetch());
  const [tasks] = createResource(
    () => canSeeTasks(me.roles) || null,
    () => meetingsApi.tasks(),
  );
  const [title, setTitle] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const sorted = (): Entry[] => [...(list()?.meetings ?? [])].sort((a, b) => b.meeting.id - a.meeting.id);

  const create = async (e: Event) => {
    e.preventDefault();
    if (!title().trim() || busy()) return;
    setBusy(true);
    try {
      const event = await meetingsApi.create({ title: title().trim() });
      setTitle('');
      navigate(`/meetings/${event.meetingId}`);
    } catch (err) {
      toasts.push('error', err instanceof ApiError ? err.message : String(err));
      void refetch();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="meetings" data-testid="meetings-page">
      <h1>{m().title}</h1>
      <Show when={canCreateMeeting(me.roles)}>
        <form class="mt-row" onSubmit={(e) => void create(e)}>
          <input
            data-testid="meeting-title-input"
            placeholder={m().newTitle}
            value={title()}
            maxLength={300}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <button type="submit" data-testid="meeting-create" disabled={busy() || !title().trim()}>
            {m().create}
          </button>
        </form>
      </Show>
      <Show when={!list.loading} fallback={<p class="muted">{m().loading}</p>}>
        <Show when={sorted().length > 0} fallback={<p class="muted">{m().empty}</p>}>
          <ul class="mt-list" data-testid="meetings-list">
            <For each={sorted()}>
              {(entry) => (
                <li class="mt-card" data-testid="meeting-row" data-meeting-id={entry.meeting.id} data-status={entry.meeting.status}>
                  <A href={`/meetings/${entry.meeting.id}`} class="mt-card-title">
                    {entry.meeting.title}
                  </A>
                  <span class={`mt-status mt-status-${entry.meeting.status}`}>{m().status[entry.meeting.status]}</span>
                  <span class="muted">
                    {entry.meeting.startsAt ? formatDateTime(entry.meeting.startsAt) : ''} {entry.meeting.place ?? ''} · {m().role[entry.role]}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <Show when={tasks()}>
        {(t) => (
          <div class="mt-box" data-testid="tasks">
            <h2>{m().tasks}</h2>
            <TaskList tasks={t().tasks} canManage={isSecretary(me.roles)} showMeeting />
          </div>
        )}
      </Show>
    </section>
  );
}
