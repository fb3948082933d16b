import { canComment } from '@okno/shared';
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useItems } from '../items.store';

const MAX_COMMENT = 4000;

/** Comments go through the outbox like every mutation: typed offline, sent on reconnect. */
export function CommentBox(props: { itemId: number }) {
  const { t } = useI18n();
  const me = useMe();
  const items = useItems();
  const [text, setText] = createSignal('');
  const send = () => {
    const body = text().trim();
    if (!body) return;
    items.actions.comment(props.itemId, body.slice(0, MAX_COMMENT));
    setText('');
  };

  return (
    <Show when={canComment(me.roles)}>
      <form
        class="comment-box"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <textarea
          rows={2}
          maxLength={MAX_COMMENT}
          aria-label={t('item.comment')}
          placeholder={t('item.commentPlaceholder')}
          data-testid="comment-input"
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              send();
            }
          }}
        />
        <button type="submit" data-testid="comment-submit" disabled={text().trim() === ''}>
          {t('item.commentSubmit')}
        </button>
      </form>
    </Show>
  );
}
