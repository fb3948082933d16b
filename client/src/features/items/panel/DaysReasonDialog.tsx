import { createSignal, onMount, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { DialogForm } from './DialogForm';
import { MIN_REASON } from './EscalateDialog';
import { TextField } from './TextField';

/** What the caller of a days-and-reason dialog gives and gets back. */
export interface DaysReasonProps {
  maxDays: number;
  /** Prefilled values, e.g. from an executor's request when a lead grants it. */
  initialDays?: number;
  initialReason?: string;
  onSubmit: (days: number, reason: string) => void;
  onCancel: () => void;
}

/**
 * A dialog asking for a number of days (1 to `maxDays`) and a reason: an extension of the
 * answer period and an executor's request for one. Test ids: `${testid}-dialog`, `-days`,
 * `-reason`, `-submit`.
 */
export function DaysReasonDialog(
  props: DaysReasonProps & { testid: string; title: string; hint: string; submitLabel: string; submitClass?: string },
) {
  const { t } = useI18n();
  // eslint-disable-next-line solid/reactivity -- the dialog is mounted per request: the values are fixed
  const [days, setDays] = createSignal(String(Math.min(props.initialDays ?? props.maxDays, props.maxDays)));
  const [reason, setReason] = createSignal(props.initialReason ?? '');
  let daysInput: HTMLInputElement | undefined;
  onMount(() => daysInput?.select());
  const daysValue = () => Number(days());
  const daysValid = () => /^\d+$/.test(days().trim()) && daysValue() >= 1 && daysValue() <= props.maxDays;
  const valid = () => daysValid() && reason().trim().length >= MIN_REASON;
  return (
    <DialogForm
      testid={`${props.testid}-dialog`}
      title={props.title}
      submitLabel={props.submitLabel}
      submitClass={props.submitClass}
      valid={valid()}
      onSubmit={() => valid() && props.onSubmit(daysValue(), reason().trim())}
      onCancel={() => props.onCancel()}
    >
      <p class="muted">{props.hint}</p>
      <label class="field">
        <span>{t('item.extendDays', props.maxDays)}</span>
        <input
          ref={daysInput}
          type="number"
          min={1}
          max={props.maxDays}
          step={1}
          required
          data-testid={`${props.testid}-days`}
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
        testid={`${props.testid}-reason`}
        value={reason()}
        onInput={setReason}
        minLength={MIN_REASON}
        maxLength={1000}
        tooShort={t('item.reasonTooShort')}
      />
    </DialogForm>
  );
}
