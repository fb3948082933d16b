import { createMemo, For } from 'solid-js';
import { useDirectory } from '../directory/directory.store';
import { mentionParts } from './mention-text';

/** A comment's text with the @mentions of known people highlighted. */
export function MentionText(props: { text: string }) {
  const dir = useDirectory();
  const names = createMemo(() => new Map(dir.users().map((u) => [u.login.toLowerCase(), u.name])));
  const parts = createMemo(() => mentionParts(props.text, (login) => names().get(login)));
  return (
    <For each={parts()}>
      {(part) =>
        part.person === null ? (
          part.text
        ) : (
          <mark class="mention" title={part.person}>
            {part.text}
          </mark>
        )
      }
    </For>
  );
}
