import { type AgendaItemDto, type MeetingState } from '@okno/shared';
import { createSignal, For, Show } from 'solid-js';
import { useMeetingsText } from './meetings.i18n';
import { assigneeName } from './meetings.model';

export function ItemBody(props: { item: AgendaItemDto; state: MeetingState; compact?: boolean }) {
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

export function NotesEditor(props: { item: AgendaItemDto; save: (notes: string) => Promise<boolean> }) {
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

export function OpinionForm(props: { file: (text: string) => Promise<boolean> }) {
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
