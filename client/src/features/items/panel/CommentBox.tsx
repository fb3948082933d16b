import { canComment, mentionQueryAt } from '@okno/shared';
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { insertMention, mentionCandidates, type Person } from '../../collab/mention-candidates';
import { TypingIndicator, useTypingNotifier } from '../../collab/typing';
import { useDirectory } from '../../directory/directory.store';
import { useItems } from '../items.store';
import { usePanelCommand } from './panel-commands';

const MAX_COMMENT = 4000;

/**
 * Comments go through the outbox like every mutation: typed offline, sent on reconnect.
 * `@` offers the people who may see the item (↑/↓, Enter or Tab to insert, Escape to close);
 * others viewing the item see that someone is typing.
 */
export function CommentBox(props: { itemId: number }) {
  const { t } = useI18n();
  const me = useMe();
  const items = useItems();
  const directory = useDirectory();
  const listId = createUniqueId();
  const [text, setText] = createSignal('');
  const [caret, setCaret] = createSignal(0);
  // The `@` whose list the person closed with Escape stays closed until they type another one.
  const [dismissed, setDismissed] = createSignal<number | null>(null);
  const [active, setActive] = createSignal(0);
  let input: HTMLTextAreaElement | undefined;
  // A key the open list handled must not move the caret's record on its way up.
  let handledKey = false;
  // eslint-disable-next-line solid/reactivity -- the panel is mounted per item: the id never changes
  const typing = useTypingNotifier(props.itemId, 'comment');
  // eslint-disable-next-line solid/reactivity -- as above
  usePanelCommand('comment', props.itemId, () => input?.focus());

  const query = createMemo(() => mentionQueryAt(text(), caret()));
  const candidates = createMemo((): Person[] => {
    const q = query();
    if (!q || q.start === dismissed()) return [];
    const item = items.item(props.itemId);
    return mentionCandidates(directory.users(), q.query, { departmentId: item?.departmentId ?? null }, me.id);
  });
  const listOpen = () => candidates().length > 0;
  const activeIndex = () => Math.min(active(), candidates().length - 1);

  const syncCaret = () => setCaret(input?.selectionStart ?? text().length);
  const pick = (person: Person) => {
    const q = query();
    if (!q || !input) return;
    const next = insertMention(text(), q.start, caret(), person.login);
    setText(next.text);
    input.value = next.text;
    input.focus();
    input.setSelectionRange(next.caret, next.caret);
    setCaret(next.caret);
  };
  const send = () => {
    const body = text().trim();
    if (!body) return;
    items.actions.comment(props.itemId, body.slice(0, MAX_COMMENT));
    setText('');
    setCaret(0);
    setDismissed(null);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
      return;
    }
    if (!listOpen()) return;
    const count = candidates().length;
    switch (e.key) {
      case 'ArrowDown':
        setActive((activeIndex() + 1) % count);
        break;
      case 'ArrowUp':
        setActive((activeIndex() - 1 + count) % count);
        break;
      case 'Enter':
      case 'Tab':
        pick(candidates()[activeIndex()]!);
        break;
      case 'Escape':
        setDismissed(query()?.start ?? null);
        e.stopPropagation();
        break;
      default:
        return;
    }
    handledKey = true;
    e.preventDefault();
  };

  return (
    <Show when={canComment(me.roles)}>
      <TypingIndicator itemId={props.itemId} field="comment" />
      <form
        class="comment-box"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <Show when={listOpen()}>
          <ul class="mention-list" id={listId} role="listbox" aria-label={t('collab.mentions.list')} data-testid="mention-list">
            <For each={candidates()}>
              {(person, i) => (
                <li
                  id={`${listId}-${person.id}`}
                  role="option"
                  aria-selected={i() === activeIndex()}
                  classList={{ active: i() === activeIndex() }}
                  data-testid="mention-option"
                  data-login={person.login}
                  // mousedown, not click: the textarea keeps its focus and caret.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(person);
                  }}
                >
                  <span>{person.name}</span> <span class="muted">@{person.login}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <textarea
          ref={input}
          rows={2}
          maxLength={MAX_COMMENT}
          aria-label={t('item.comment')}
          aria-autocomplete="list"
          aria-expanded={listOpen()}
          aria-controls={listOpen() ? listId : undefined}
          aria-activedescendant={listOpen() ? `${listId}-${candidates()[activeIndex()]!.id}` : undefined}
          placeholder={t('item.commentPlaceholder')}
          title={t('collab.mentions.hint')}
          data-testid="comment-input"
          value={text()}
          onInput={(e) => {
            setText(e.currentTarget.value);
            syncCaret();
            setActive(0);
            typing();
          }}
          onKeyDown={onKeyDown}
          onKeyUp={() => {
            if (handledKey) handledKey = false;
            else syncCaret();
          }}
          onClick={syncCaret}
          onBlur={() => setDismissed(query()?.start ?? null)}
          onFocus={() => setDismissed(null)}
        />
        <button type="submit" data-testid="comment-submit" disabled={text().trim() === ''}>
          {t('item.commentSubmit')}
        </button>
      </form>
    </Show>
  );
}
