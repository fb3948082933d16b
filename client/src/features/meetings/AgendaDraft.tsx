import { type MeetingState } from '@okno/shared';
import { createSignal, For, Show } from 'solid-js';
import { type MeetingRestPath } from '../../api/meetings.api';
import { useMe } from '../auth/auth.store';
import { useMeetingsText } from './meetings.i18n';
import { isHeadOrDeputy, isMember, isSecretary } from './meetings.roles';
import { parseMaterials } from './meetings.model';

/** The draft stage: members propose, the secretary drafts, the head approves with a date. */
export function AgendaDraft(props: { state: MeetingState; rest: (path: MeetingRestPath, body?: Record<string, unknown>) => Promise<boolean> }) {
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
