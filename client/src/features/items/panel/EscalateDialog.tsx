import type { EscalationLevel } from '@okno/shared';
import { createSignal } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { DialogForm } from './DialogForm';
import { TextField } from './TextField';

export const MIN_REASON = 3;
const MAX_REASON = 1000;

/**
 * Moving an item along the ladder always needs a reason: it lands in the timeline, the
 * escalation history and the notification of the step it reaches. Up (escalate) or back
 * down (de-escalate, only by someone the item reached).
 */
export function EscalateDialog(props: {
  direction: 'up' | 'down';
  to: EscalationLevel;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = createSignal('');
  const valid = () => reason().trim().length >= MIN_REASON;
  const up = () => props.direction === 'up';
  return (
    <DialogForm
      testid={up() ? 'escalate-dialog' : 'deescalate-dialog'}
      title={up() ? t('item.escalateTitle') : t('item.deescalateTitle')}
      submitLabel={up() ? t('item.escalate') : t('item.deescalate')}
      submitClass="warn"
      valid={valid()}
      onSubmit={() => valid() && props.onSubmit(reason().trim())}
      onCancel={() => props.onCancel()}
    >
      <p>{up() ? t('item.escalateTo', t(`level.${props.to}`)) : t('item.deescalateTo', t(`level.${props.to}`))}</p>
      <TextField
        label={t('item.reason')}
        testid={up() ? 'escalate-reason' : 'deescalate-reason'}
        value={reason()}
        onInput={setReason}
        minLength={MIN_REASON}
        maxLength={MAX_REASON}
        tooShort={t('item.reasonTooShort')}
        autofocus
      />
    </DialogForm>
  );
}
