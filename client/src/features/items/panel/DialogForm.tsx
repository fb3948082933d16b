import { createUniqueId, type JSX } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';

interface Props {
  testid: string;
  title: string;
  submitLabel: string;
  submitClass?: string;
  /** Whether the form may be sent; the submit button is disabled until it is. */
  valid: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: JSX.Element;
}

/** A modal form: closes on Escape or a click beside it; its fields come as children. */
export function DialogForm(props: Props) {
  const { t } = useI18n();
  const titleId = createUniqueId();
  return (
    <div class="backdrop" onClick={(e) => e.target === e.currentTarget && props.onCancel()}>
      <form
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={props.testid}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          props.onCancel();
        }}
      >
        <h3 id={titleId}>{props.title}</h3>
        {props.children}
        <div class="dialog-buttons">
          <button type="button" onClick={() => props.onCancel()}>
            {t('common.cancel')}
          </button>
          <button type="submit" class={props.submitClass} data-testid={`${props.testid.replace(/-dialog$/, '')}-submit`} disabled={!props.valid}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
