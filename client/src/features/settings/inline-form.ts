import { onCleanup, onMount } from 'solid-js';

const FIELD = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * An inline edit form (a settings row, or a "new …" form above a table) behaves like a dialog
 * for the keyboard: it takes the focus when it opens, Escape cancels it, and the focus goes
 * back to the button that opened it. Put `ref` and `onKeyDown` on the <form>; `props` are the
 * form's own, read when Escape is pressed.
 */
export function inlineForm(props: { onCancel: () => void }): { ref: (el: HTMLFormElement) => void; onKeyDown: (e: KeyboardEvent) => void } {
  const opener = document.activeElement;
  let form: HTMLFormElement | undefined;
  onMount(() => form?.querySelector<HTMLElement>(FIELD)?.focus());
  onCleanup(() => {
    if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus();
  });
  return {
    ref: (el) => (form = el),
    onKeyDown: (e) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      props.onCancel();
    },
  };
}
