import { A, useParams } from '@solidjs/router';
import { chairOf, hasQuorum, presentMemberIds, type AgendaItemDto, type MeetingEvent, type MeetingState, type VoteChoice, type VoteDto } from '@okno/shared';
import { createMemo, createSignal, For, Show } from 'solid-js';
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
import { assigneeName, attendanceMode, parseMaterials } from './meetings.model';
import { ProtocolPanel } from './ProtocolPanel';
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

function ItemBody(props: { item: AgendaItemDto; state: MeetingState; compact?: boolean }) {
  const m = useMeetingsText();
  const opinions = () => props.state.opinions.filter((o) => o.agendaItemId === props.item.id);
  /** The control item: earlier decisions still open when the agenda was approved. */
  const controlTasks = () => {
    const ids = new Set(props.item.taskIds);
    return [...props.state.openTasks, ...props.state.tasks].filter((t, i, all) => ids.has(t.id) && all.findIndex((x) => x.id === t.id) === i);
  };
  return (
    <div class="mt-item" data-testid={props.compact ? undefined : 'current-item-body'}>
      <Show when={!props.compact}>
        <h3 data-testid="current-item-title">{props.item.title}</h3>
      </Show>
      <Show when={props.item.description}>
        <p>{props.item.description}</p>
      </Show>
      <Show when={props.item.materials.length > 0}>
        <div class="muted">{m().materials}:</div>
        <ul data-testid="item-materials">
          <For each={props.item.materials}>
            {(mat) => (
              <li>
                <Show when={mat.url} fallback={mat.title}>
                  {(u) => (
                    <a href={u()} target="_blank" rel="noopener noreferrer">
                      {mat.title}
                    </a>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={controlTasks().length > 0}>
        <ul data-testid="control-tasks">
          <For each={controlTasks()}>
            {(t) => (
              <li>
                {t.text} — {assigneeName(t)}, {t.dueDate}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={opinions().length > 0}>
        <div class="muted">{m().opinions}:</div>
        <ul data-testid="opinions">
          <For each={opinions()}>
            {(o) => (
              <li>
                <strong>{o.author.name}:</strong> {o.text}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!props.compact && props.item.notes}>
        <p class="mt-notes" data-testid="item-notes">
          {props.item.notes}
        </p>
      </Show>
    </div>
  );
}

function NotesEditor(props: { item: AgendaItemDto; save: (notes: string) => Promise<boolean> }) {
  const m = useMeetingsText();
  const [text, setText] = createSignal<string | null>(null);
  const value = () => text() ?? props.item.notes;
  return (
    <div class="mt-form">
      <label>
        {m().notes}
        <textarea data-testid="notes-input" rows={3} value={value()} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <button
        type="button"
        data-testid="notes-save"
        onClick={() => void props.save(value()).then((ok) => ok && setText(null))}
      >
        {m().saveNotes}
      </button>
    </div>
  );
}

function OpenVoteForm(props: { item: AgendaItemDto; open: (question: string) => Promise<boolean> }) {
  const m = useMeetingsText();
  const [question, setQuestion] = createSignal<string | null>(null);
  const value = () => question() ?? props.item.title;
  return (
    <div class="mt-form">
      <label>
        {m().question}
        <input data-testid="vote-question" value={value()} onInput={(e) => setQuestion(e.currentTarget.value)} />
      </label>
      <button type="button" class="primary" data-testid="vote-open" onClick={() => void props.open(value().trim()).then((ok) => ok && setQuestion(null))}>
        {m().openVote}
      </button>
    </div>
  );
}

function VotePanel(props: {
  vote: VoteDto;
  meId: number;
  canVote: boolean;
  isChair: boolean;
  cast: (choice: VoteChoice) => Promise<boolean>;
  close: () => Promise<boolean>;
}) {
  const m = useMeetingsText();
  const [sending, setSending] = createSignal(false);
  const cast = (choice: VoteChoice) => {
    setSending(true);
    void props.cast(choice).finally(() => setSending(false));
  };
  const open = () => props.vote.status === 'open';
  return (
    <div class="mt-vote" data-testid="vote" data-vote-id={props.vote.id} data-status={props.vote.status}>
      <h3>{props.vote.question}</h3>
      <p>
        {m().votesCast}:{' '}
        <strong data-testid="vote-count" data-count={props.vote.castCount}>
          {props.vote.castCount}
        </strong>
      </p>
      <Show when={open() && props.canVote}>
        <div class="mt-vote-buttons">
          <button type="button" class="mt-for" data-testid="vote-for" disabled={sending()} onClick={() => cast('for')}>
            {m().voteFor}
          </button>
          <button type="button" class="mt-against" data-testid="vote-against" disabled={sending()} onClick={() => cast('against')}>
            {m().voteAgainst}
          </button>
          <button type="button" class="mt-abstain" data-testid="vote-abstain" disabled={sending()} onClick={() => cast('abstain')}>
            {m().voteAbstain}
          </button>
        </div>
      </Show>
      <Show when={open() && props.vote.voters.some((p) => p.id === props.meId)}>
        <p class="mt-voted" data-testid="voted">
          {m().voted}
        </p>
      </Show>
      <Show when={open() && props.isChair}>
        <button type="button" data-testid="vote-close" onClick={() => void props.close()}>
          {m().closeVote}
        </button>
      </Show>
      <Show when={props.vote.result}>
        {(r) => (
          <div class="mt-result" data-testid="vote-result" data-outcome={r().tally.outcome}>
            <strong classList={{ adopted: r().tally.outcome === 'adopted' }}>{m().outcome[r().tally.outcome]}</strong>
            <p>
              {m().voteFor}: {r().tally.for} · {m().voteAgainst}: {r().tally.against} · {m().voteAbstain}: {r().tally.abstain} · {m().notVoted}:{' '}
              {r().tally.notVoted}
            </p>
            <Show when={r().ballots}>
              {(ballots) => (
                <ul data-testid="vote-ballots">
                  <For each={ballots()}>
                    {(b) => (
                      <li>
                        {b.voter.name} — {m().choice[b.choice]}
                      </li>
                    )}
                  </For>
                </ul>
              )}
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}

function OpinionForm(props: { file: (text: string) => Promise<boolean> }) {
  const m = useMeetingsText();
  const [open, setOpen] = createSignal(false);
  const [text, setText] = createSignal('');
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="mt-small mt-link" data-testid="opinion-open" onClick={() => setOpen(true)}>
          {m().fileOpinion}
        </button>
      }
    >
      <div class="mt-form">
        <textarea data-testid="opinion-input" rows={2} placeholder={m().opinionText} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        <button
          type="button"
          data-testid="opinion-submit"
          disabled={!text().trim()}
          onClick={() =>
            void props.file(text().trim()).then((ok) => {
              if (ok) {
                setText('');
                setOpen(false);
              }
            })
          }
        >
          {m().fileOpinion}
        </button>
      </div>
    </Show>
  );
}

/** The draft stage: members propose, the secretary drafts, the head approves with a date. */
function AgendaDraft(props: { state: MeetingState; rest: (path: MeetingRestPath, body?: Record<string, unknown>) => Promise<boolean> }) {
  const m = useMeetingsText();
  const me = useMe();
  const [title, setTitle] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [materials, setMaterials] = createSignal('');
  const [picked, setPicked] = createSignal<Set<number>>(new Set());
  const [startsAt, setStartsAt] = createSignal('');
  const [place, setPlace] = createSignal('');
  const items = () => props.state.agenda.filter((a) => a.kind === 'regular');
  const toggle = (id: number) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div class="mt-box" data-testid="agenda-draft">
      <Show when={isMember(me.roles)}>
        <form
          class="mt-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!title().trim()) return;
            const body = { title: title().trim(), description: description().trim(), materials: parseMaterials(materials()) };
            void props.rest('agenda', body).then((ok) => {
              if (!ok) return;
              setTitle('');
              setDescription('');
              setMaterials('');
            });
          }}
        >
          <input data-testid="propose-input" placeholder={m().proposeTitle} maxLength={500} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
          <textarea
            data-testid="propose-description"
            rows={2}
            placeholder={m().proposeDescription}
            value={description()}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
          <textarea
            data-testid="propose-materials"
            rows={2}
            placeholder={m().proposeMaterials}
            value={materials()}
            onInput={(e) => setMaterials(e.currentTarget.value)}
          />
          <button type="submit" data-testid="propose-submit" disabled={!title().trim()}>
            {m().propose}
          </button>
        </form>
      </Show>
      <Show when={isSecretary(me.roles) && items().length > 0}>
        <ul class="mt-pick">
          <For each={items()}>
            {(item) => (
              <li>
                <label>
                  <input
                    type="checkbox"
                    data-testid="draft-pick"
                    checked={picked().has(item.id) || (picked().size === 0 && item.status === 'included')}
                    onChange={() => toggle(item.id)}
                  />{' '}
                  {item.title}
                </label>
              </li>
            )}
          </For>
        </ul>
        <button
          type="button"
          data-testid="draft-submit"
          onClick={() => {
            const ids = picked().size > 0 ? [...picked()] : items().filter((i) => i.status === 'included').map((i) => i.id);
            const ordered = items().filter((i) => ids.includes(i.id)).map((i) => i.id);
            void props.rest('agenda/draft', { version: props.state.meeting.version, included: ordered });
          }}
        >
          {m().draft}
        </button>
      </Show>
      <Show when={isHeadOrDeputy(me.roles)}>
        <div class="mt-row">
          <label>
            {m().startsAt}
            <input type="datetime-local" data-testid="approve-starts" value={startsAt()} onInput={(e) => setStartsAt(e.currentTarget.value)} />
          </label>
          <label>
            {m().place}
            <input data-testid="approve-place" value={place()} onInput={(e) => setPlace(e.currentTarget.value)} />
          </label>
          <button
            type="button"
            data-testid="approve-agenda"
            disabled={!startsAt() || !place().trim()}
            onClick={() =>
              void props.rest('agenda/approve', {
                version: props.state.meeting.version,
                startsAt: new Date(startsAt()).toISOString(),
                place: place().trim(),
              })
            }
          >
            {m().approveAgenda}
          </button>
        </div>
      </Show>
    </div>
  );
}
