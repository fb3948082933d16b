import { A, useParams } from '@solidjs/router';
import { chairOf, hasQuorum, presentMemberIds, type MeetingEvent } from '@okno/shared';
import { createMemo, For, Show } from 'solid-js';
import { ApiError } from '../../api/http';
import { emitMeetingMutation, meetingsApi, type MeetingRestPath } from '../../api/meetings.api';
import type { Ack } from '@okno/shared';
import { useToasts } from '../../app/toasts';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../auth/auth.store';
import { useConnection } from '../realtime/connection';
import { createMeetingLive } from './meeting-live';
import { useMeetingsText } from './meetings.i18n';
import { canRunMeeting, isHeadOrDeputy, isMember, isSecretary } from './meetings.roles';
import { InviteForm, InviteeRow } from './MeetingInvitees';
import { TaskForm, TaskList } from './MeetingTasks';
import { attendanceMode } from './meetings.model';
import { ProtocolPanel } from './ProtocolPanel';
import { AgendaDraft } from './AgendaDraft';
import { OpenVoteForm, VotePanel } from './VotePanel';
import { ItemBody, NotesEditor, OpinionForm } from './AgendaItemView';
import './meetings.css';

/** The live meeting screen: quorum, attendance, the current item, votes, notes and the protocol. */
export function MeetingPage() {
  const params = useParams<{ id: string }>();
  const meetingId = Number(params.id);
  const m = useMeetingsText();
  const { formatDateTime } = useI18n();
  const me = useMe();
  const toasts = useToasts();
  const connection = useConnection();
  const live = createMeetingLive(connection, meetingId);

  const fail = (msg: string) => toasts.push('error', msg);
  /** Runs a socket mutation; a refusal shows the server's message. */
  const act = async (run: () => Promise<Ack<MeetingEvent>>): Promise<boolean> => {
    try {
      const ack = await run();
      if (!ack.ok) {
        fail(ack.error.message);
        return false;
      }
      live.offer(ack.data);
      return true;
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err));
      return false;
    }
  };
  /** Runs a REST mutation (agenda, start, end, protocol). */
  const rest = async (path: MeetingRestPath, body: Record<string, unknown> = {}): Promise<boolean> => {
    try {
      live.offer(await meetingsApi.mutate(meetingId, path, body));
      return true;
    } catch (err) {
      fail(err instanceof ApiError ? err.message : String(err));
      return false;
    }
  };
  const socket = connection.socket;

  return (
    <section class="meeting" data-testid="meeting-page">
      <A href="/meetings" class="muted">
        {m().back}
      </A>
      <Show when={live.error()}>{(e) => <p role="alert" class="mt-error">{e()}</p>}</Show>
      <Show when={live.state()} fallback={<p class="muted">{m().loading}</p>}>
        {(state) => {
          const s = state;
          const composition = () => s().composition;
          const inRoomIds = createMemo(() => new Set(s().inRoom.map((p) => p.id)));
          const remoteIds = createMemo(() => new Set(s().remote.map((p) => p.id)));
          const present = createMemo(() => presentMemberIds(composition(), inRoomIds(), remoteIds()));
          const quorum = () => hasQuorum(present().length, composition().length);
          const chair = () => chairOf(composition(), present());
          const amMember = () => composition().some((c) => c.id === me.id);
          const status = () => s().meeting.status;
          const agenda = createMemo(() =>
            [...s().agenda].sort((a, b) => (a.position ?? 1e9) - (b.position ?? 1e9) || a.id - b.id),
          );
          const current = () => s().agenda.find((a) => a.id === s().meeting.currentAgendaItemId) ?? null;
          const votesOf = (itemId: number) => s().votes.filter((v) => v.agendaItemId === itemId).sort((a, b) => a.id - b.id);
          const openVote = () => s().votes.find((v) => v.status === 'open') ?? null;

          return (
            <>
              <header class="mt-head">
                <h1 data-testid="meeting-title">{s().meeting.title}</h1>
                <span class={`mt-status mt-status-${status()}`} data-testid="meeting-status" data-status={status()}>
                  {m().status[status()]}
                </span>
                <span
                  class="mt-quorum"
                  classList={{ yes: quorum(), no: !quorum() }}
                  data-testid="quorum"
                  data-quorum={quorum() ? 'yes' : 'no'}
                >
                  {quorum() ? m().quorumYes : m().quorumNo}: {present().length} {m().of} {composition().length}
                </span>
              </header>
              <Show when={s().meeting.startsAt}>
                {(at) => (
                  <p class="muted">
                    {formatDateTime(at())} {s().meeting.place ?? ''}{' '}
                    <Show when={s().meeting.remoteLink}>
                      {(l) => (
                        <a href={l()} target="_blank" rel="noopener noreferrer">
                          {l()}
                        </a>
                      )}
                    </Show>
                  </p>
                )}
              </Show>

              <div class="mt-controls">
                <Show when={status() === 'scheduled' && canRunMeeting(me.roles)}>
                  <button type="button" data-testid="meeting-start" onClick={() => void rest('start')}>
                    {m().start}
                  </button>
                </Show>
                <Show when={status() === 'live' && canRunMeeting(me.roles)}>
                  <button type="button" data-testid="meeting-end" onClick={() => void rest('end')}>
                    {m().end}
                  </button>
                </Show>
              </div>

              <Show when={status() === 'draft'}>
                <AgendaDraft state={s()} rest={rest} />
              </Show>

              <Show when={status() === 'live'}>
                <div class="mt-current" data-testid="current-item">
                  <h2>{m().current}</h2>
                  <Show when={current()} fallback={<p class="muted">{m().noCurrent}</p>}>
                    {(item) => (
                      <>
                        <ItemBody item={item()} state={s()} />
                        <Show when={isSecretary(me.roles)}>
                          <NotesEditor
                            item={item()}
                            save={(notes) =>
                              act(() => emitMeetingMutation(socket, 'meeting:notes', { meetingId, agendaItemId: item().id, version: item().version, notes }))
                            }
                          />
                        </Show>
                        <Show when={!openVote() && isHeadOrDeputy(me.roles)}>
                          <OpenVoteForm
                            item={item()}
                            open={(question) => act(() => emitMeetingMutation(socket, 'meeting:open_vote', { meetingId, agendaItemId: item().id, question }))}
                          />
                        </Show>
                        <For each={votesOf(item().id)}>
                          {(vote) => (
                            <VotePanel
                              vote={vote}
                              meId={me.id}
                              canVote={amMember() && vote.status === 'open' && !vote.voters.some((p) => p.id === me.id)}
                              isChair={isHeadOrDeputy(me.roles)}
                              cast={(choice) => act(() => emitMeetingMutation(socket, 'meeting:cast', { meetingId, voteId: vote.id, choice }))}
                              close={() => act(() => emitMeetingMutation(socket, 'meeting:close_vote', { meetingId, voteId: vote.id }))}
                            />
                          )}
                        </For>
                      </>
                    )}
                  </Show>
                </div>
              </Show>

              <div class="mt-grid">
                <div class="mt-box">
                  <h2>{m().attendance}</h2>
                  <Show when={chair()}>{(c) => <p class="muted">★ {c().name}</p>}</Show>
                  <ul class="mt-attendance" data-testid="attendance">
                    <For each={composition()}>
                      {(person) => {
                        const mode = () => (inRoomIds().has(person.id) ? 'in_room' : remoteIds().has(person.id) ? 'remote' : 'absent');
                        return (
                          <li data-testid="attendance-row" data-user-id={person.id} data-mode={mode()}>
                            <span>{person.name}</span>
                            <span class={`mt-mode mt-mode-${mode()}`}>
                              {mode() === 'in_room' ? m().inRoom : mode() === 'remote' ? m().remote : m().absent}
                            </span>
                            <Show when={isSecretary(me.roles) && status() === 'live'}>
                              <button
                                type="button"
                                class="mt-small"
                                data-testid="mark-attendance"
                                onClick={() =>
                                  void act(() =>
                                    emitMeetingMutation(socket, 'meeting:attendance', { meetingId, userId: person.id, inRoom: !inRoomIds().has(person.id) }),
                                  )
                                }
                              >
                                {inRoomIds().has(person.id) ? m().markOut : m().markIn}
                              </button>
                            </Show>
                          </li>
                        );
                      }}
                    </For>
                    <For each={s().invitees}>
                      {(person) => (
                        <InviteeRow
                          person={person}
                          mode={attendanceMode(person.id, inRoomIds(), remoteIds())}
                          canMark={isSecretary(me.roles) && status() === 'live'}
                          canUninvite={isSecretary(me.roles) && status() !== 'ended'}
                          onMark={(inRoom) => void act(() => emitMeetingMutation(socket, 'meeting:attendance', { meetingId, userId: person.id, inRoom }))}
                          onUninvite={() => void rest('uninvite', { userId: person.id })}
                        />
                      )}
                    </For>
                  </ul>
                  <Show when={isSecretary(me.roles) && status() !== 'ended'}>
                    <InviteForm composition={composition()} invitees={s().invitees} invite={(userId) => rest('invite', { userId })} />
                  </Show>
                </div>

                <div class="mt-box">
                  <h2>{m().agenda}</h2>
                  <ol class="mt-agenda" data-testid="agenda">
                    <For each={agenda().filter((a) => status() === 'draft' || a.status === 'included')}>
                      {(item) => (
                        <li data-testid="agenda-item" data-item-id={item.id} classList={{ current: item.id === s().meeting.currentAgendaItemId }}>
                          <strong>{item.title}</strong>
                          <Show when={status() === 'draft'}>
                            <span class="muted"> · {m().itemStatus[item.status]}</span>
                          </Show>
                          <Show when={status() === 'live' && canRunMeeting(me.roles) && item.id !== s().meeting.currentAgendaItemId}>
                            <button
                              type="button"
                              class="mt-small"
                              data-testid="set-current"
                              onClick={() => void act(() => emitMeetingMutation(socket, 'meeting:current', { meetingId, agendaItemId: item.id }))}
                            >
                              {m().makeCurrent}
                            </button>
                          </Show>
                          <Show when={status() !== 'live' || item.id !== s().meeting.currentAgendaItemId}>
                            <ItemBody item={item} state={s()} compact />
                          </Show>
                          <Show when={status() !== 'ended' && isMember(me.roles)}>
                            <OpinionForm
                              file={(text) => act(() => emitMeetingMutation(socket, 'meeting:opinion', { meetingId, agendaItemId: item.id, text }))}
                            />
                          </Show>
                        </li>
                      )}
                    </For>
                  </ol>
                </div>
              </div>

              <div class="mt-box" data-testid="tasks">
                <h2>{m().tasks}</h2>
                <Show when={isSecretary(me.roles) && (status() === 'live' || status() === 'ended')}>
                  <TaskForm
                    items={agenda().filter((a) => a.status === 'included' && a.kind === 'regular')}
                    votes={s().votes}
                    currentItemId={s().meeting.currentAgendaItemId}
                    create={(body) => rest('tasks', body)}
                  />
                </Show>
                <TaskList tasks={s().tasks} canManage={isSecretary(me.roles)} onEvent={live.offer} />
                <Show when={s().openTasks.length > 0}>
                  <h3>{m().carried}</h3>
                  <TaskList tasks={s().openTasks} canManage={isSecretary(me.roles)} showMeeting />
                </Show>
              </div>

              <Show when={s().protocol}>{(p) => <ProtocolPanel meetingId={meetingId} protocol={p()} rest={rest} />}</Show>
            </>
          );
        }}
      </Show>
    </section>
  );
}
