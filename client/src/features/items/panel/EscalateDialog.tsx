import type { EscalationLevel } from '@okno/shared';
import { createSignal, onMount, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';

const MIN_REASON = 3;

/** Escalation always needs a reason: it lands in the timeline and in the next level's queue. */
export function EscalateDialog(props: { to: EscalationLevel; onSubmit: (reason: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = createSignal('');
  const [touched, setTouched] = createSignal(false);
  let input: HTMLTextAreaElement | undefined;
  onMount(() => input?.focus());
  const valid = () => reason().trim().length >= MIN_REASON;

  const submit = (e: Event) => {
    e.preventDefault();
    setTouched(true);
    if (valid()) props.onSubmit(reason().trim());
  };

  return (
    <div class="backdrop" onClick={(e) => e.target === e.currentTarget && props.onCancel()}>
      <form
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="escalate-title"
        data-testid="escalate-dialog"
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          props.onCancel();
        }}
      >
        <h3 id="escalate-title">{t('item.escalateTitle')}</h3>
        <p>{t('item.escalateTo', t(`level.${props.to}`))}</p>
        <label class="field">
          <span>{t('item.reason')}</span>
          <textarea
            ref={input}
            rows={4}
            required
            minLength={MIN_REASON}
            maxLength={1000}
            data-testid="escalate-reason"
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </label>
        <Show when={touched() && !valid()}>
          <p class="form-error" role="alert">
            {t('item.reasonTooShort')}
          </p>
        </Show>
        <div class="dialog-buttons">
          <button type="button" onClick={() => props.onCancel()}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="warn" data-testid="escalate-submit" disabled={!valid()}>
            {t('item.escalate')}
          </button>
        </div>
      </form>
    </div>
  );
}
