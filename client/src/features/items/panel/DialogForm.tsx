import { createUniqueId, onCleanup, onMount, type JSX } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { isBackdropClick } from '../../../app/backdrop';

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

const FOCUSABLE = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * A modal form: closes on Escape or a click beside it, sends on Enter (Ctrl/⌘+Enter from a text
 * area); its fields come as children. The focus moves into it (unless a field took it already)
 * so Escape and Enter reach the form rather than the queue's shortcuts behind it, and goes back
 * to what had it once the dialog closes.
 */
export function DialogForm(props: Props) {
  const { t } = useI18n();
  const titleId = createUniqueId();
  // Read before the children render: a child may focus one of its fields on mount.
  const opener = document.activeElement;
  let form: HTMLFormElement | undefined;
  onMount(() => {
    if (!form || form.contains(document.activeElement)) return;
    (form.querySelector<HTMLElement>(FOCUSABLE) ?? form).focus();
  });
  onCleanup(() => {
    if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus();
  });
  return (
    <div class="backdrop" onClick={(e) => isBackdropClick(e) && props.onCancel()}>
      <form
        ref={form}
        class="dialog"
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={props.testid}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
        onKeyDown={(e) => {
          // Enter in a text area is a new line; Ctrl/⌘+Enter sends, as in the comment box.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            if (props.valid) form?.requestSubmit();
            return;
          }
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
