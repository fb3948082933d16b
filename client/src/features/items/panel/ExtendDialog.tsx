import { createSignal, onMount, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { DialogForm } from './DialogForm';
import { MIN_REASON } from './EscalateDialog';
import { TextField } from './TextField';

/** Extends an appeal's answer period once (59-ФЗ art. 12): how many days, and why. */
export function ExtendDialog(props: { maxDays: number; onSubmit: (days: number, reason: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  // eslint-disable-next-line solid/reactivity -- the dialog is mounted per request: the maximum is fixed
  const [days, setDays] = createSignal(String(props.maxDays));
  const [reason, setReason] = createSignal('');
  let daysInput: HTMLInputElement | undefined;
  onMount(() => daysInput?.select());
  const daysValue = () => Number(days());
  const daysValid = () => /^\d+$/.test(days().trim()) && daysValue() >= 1 && daysValue() <= props.maxDays;
  const valid = () => daysValid() && reason().trim().length >= MIN_REASON;
  return (
    <DialogForm
      testid="extend-dialog"
      title={t('item.extendTitle')}
      submitLabel={t('item.extend')}
      valid={valid()}
      onSubmit={() => valid() && props.onSubmit(daysValue(), reason().trim())}
      onCancel={() => props.onCancel()}
    >
      <p class="muted">{t('item.extendHint')}</p>
      <label class="field">
        <span>{t('item.extendDays', props.maxDays)}</span>
        <input
          ref={daysInput}
          type="number"
          min={1}
          max={props.maxDays}
          step={1}
          required
          data-testid="extend-days"
          value={days()}
          onInput={(e) => setDays(e.currentTarget.value)}
        />
      </label>
      <Show when={!daysValid()}>
        <p class="form-error" role="alert">
          {t('item.daysInvalid', props.maxDays)}
        </p>
      </Show>
      <TextField
        label={t('item.reason')}
        testid="extend-reason"
        value={reason()}
        onInput={setReason}
        minLength={MIN_REASON}
        maxLength={1000}
        tooShort={t('item.reasonTooShort')}
      />
    </DialogForm>
  );
}
