import type { CloseResult } from '@okno/shared';
import { createSignal, For, onMount, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { DialogForm } from './DialogForm';
import { MIN_REASON } from './EscalateDialog';

export interface CloseChoice {
  result: CloseResult;
  mainItemId?: number;
  note?: string;
}

/**
 * Closes the item with a result. Only the results the closing rule allows this person for
 * this status are offered; "redirected" asks where to, "duplicate" the main item's number.
 */
export function CloseDialog(props: { itemId: number; results: readonly CloseResult[]; onSubmit: (choice: CloseChoice) => void; onCancel: () => void }) {
  const { t } = useI18n();
  // eslint-disable-next-line solid/reactivity -- mounted per request: the offered results are fixed
  const [result, setResult] = createSignal<CloseResult | null>(props.results.length === 1 ? props.results[0]! : null);
  const [note, setNote] = createSignal('');
  const [main, setMain] = createSignal('');
  let first: HTMLInputElement | undefined;
  onMount(() => first?.focus());
  const mainId = () => (/^\s*№?\s*\d+\s*$/.test(main()) ? Number(main().replace(/\D/g, '')) : null);
  const mainValid = () => mainId() !== null && mainId()! > 0 && mainId() !== props.itemId;
  const valid = () => {
    switch (result()) {
      case null:
        return false;
      case 'redirected':
        return note().trim().length >= MIN_REASON;
      case 'duplicate':
        return mainValid();
      default:
        return true;
    }
  };
  const submit = () => {
    const r = result();
    if (!r || !valid()) return;
    const text = note().trim();
    props.onSubmit({ result: r, ...(r === 'duplicate' ? { mainItemId: mainId()! } : {}), ...(text ? { note: text } : {}) });
  };

  return (
    <DialogForm
      testid="close-dialog"
      title={t('workflow.close.title')}
      submitLabel={t('workflow.close.button')}
      submitClass="primary"
      valid={valid()}
      onSubmit={submit}
      onCancel={() => props.onCancel()}
    >
      <fieldset class="radio-list">
        <legend>{t('workflow.close.result')}</legend>
        <For each={props.results}>
          {(r, i) => (
            <label>
              <input
                type="radio"
                name="close-result"
                value={r}
                checked={result() === r}
                ref={(el) => {
                  if (i() === 0) first = el;
                }}
                data-testid={`close-result-${r}`}
                onChange={() => setResult(r)}
              />{' '}
              {t(`workflow.closeResult.${r}`)}
            </label>
          )}
        </For>
      </fieldset>
      <Show when={result() === 'duplicate'}>
        <label class="field">
          <span>{t('workflow.close.mainItem')}</span>
          <input type="text" inputmode="numeric" data-testid="close-main-item" value={main()} onInput={(e) => setMain(e.currentTarget.value)} />
        </label>
        <Show when={main().trim() !== '' && !mainValid()}>
          <p class="form-error" role="alert">
            {t('workflow.close.mainItemInvalid')}
          </p>
        </Show>
      </Show>
      <Show when={result() !== null}>
        <label class="field">
          <span>{result() === 'redirected' ? t('workflow.close.where') : t('workflow.close.note')}</span>
          <textarea rows={2} maxLength={2000} data-testid="close-note" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
      </Show>
    </DialogForm>
  );
}
