import { unfilledPlaceholders, type ItemDto } from '@okno/shared';
import { createMemo, createSignal, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useItems } from '../items.store';
import { DialogForm } from './DialogForm';
import { MIN_REASON } from './EscalateDialog';
import { TextField } from './TextField';
import { UnfilledPlaceholders } from './UnfilledPlaceholders';

/** The check of a submitted answer: approve (it goes to the citizen) or return with what to fix. */
export function ReviewBar(props: { item: ItemDto }) {
  const { t } = useI18n();
  const items = useItems();
  const [returning, setReturning] = createSignal(false);
  const [comment, setComment] = createSignal('');
  const valid = () => comment().trim().length >= MIN_REASON;
  // The server refuses to send an answer with a template's gaps; the reviewer returns it instead.
  const unfilled = createMemo(() => unfilledPlaceholders(props.item.answer?.text ?? ''));
  const warningId = () => `review-unfilled-${props.item.id}`;
  return (
    <div class="review-bar" data-testid="review-bar">
      <span class="review-note">{t('workflow.review.awaiting')}</span>
      <button
        type="button"
        class="primary"
        data-testid="approve-button"
        disabled={unfilled().length > 0}
        aria-describedby={unfilled().length > 0 ? warningId() : undefined}
        onClick={() => items.actions.approveAnswer(props.item.id)}
      >
        {t('workflow.review.approve')}
      </button>
      <button type="button" class="warn" data-testid="return-button" onClick={() => setReturning(true)}>
        {t('workflow.review.return')}
      </button>
      <UnfilledPlaceholders
        placeholders={unfilled()}
        message={(fields) => t('workflow.review.unfilled', fields)}
        id={warningId()}
        testid="review-unfilled"
      />
      <Show when={returning()}>
        <DialogForm
          testid="return-dialog"
          title={t('workflow.review.returnTitle')}
          submitLabel={t('workflow.review.return')}
          submitClass="warn"
          valid={valid()}
          onSubmit={() => {
            if (!valid()) return;
            items.actions.returnAnswer(props.item.id, comment().trim());
            setReturning(false);
            setComment('');
          }}
          onCancel={() => setReturning(false)}
        >
          <TextField
            label={t('workflow.review.comment')}
            testid="return-comment"
            value={comment()}
            onInput={setComment}
            minLength={MIN_REASON}
            maxLength={1000}
            tooShort={t('workflow.review.commentTooShort')}
            autofocus
          />
        </DialogForm>
      </Show>
    </div>
  );
}
