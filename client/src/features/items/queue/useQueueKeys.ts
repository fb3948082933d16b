import { onCleanup } from 'solid-js';

export interface QueueKeyActions {
  next: () => void;
  prev: () => void;
  open: () => void;
  claim: () => void;
  focusSearch: () => void;
  toggleHelp: () => void;
  escape: () => void;
}

/** Whether the key press belongs to a field the user is typing in. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

type Handlers = Record<string, (() => void) | undefined>;

const byKey = (a: QueueKeyActions): Handlers => ({
  j: a.next,
  ArrowDown: a.next,
  k: a.prev,
  ArrowUp: a.prev,
  Enter: a.open,
  c: a.claim,
  '/': a.focusSearch,
  '?': a.toggleHelp,
});

// Physical keys, so the shortcuts also work with the Russian layout active (о, л, с, .).
const byCode = (a: QueueKeyActions, shift: boolean): Handlers => ({
  KeyJ: a.next,
  KeyK: a.prev,
  KeyC: a.claim,
  Slash: shift ? a.toggleHelp : a.focusSearch,
});

/**
 * Queue shortcuts: j/k or arrows move, Enter opens, c claims, / searches, ? shows the sheet,
 * Escape closes. Ignored while typing and with modifier keys, so browser shortcuts still work.
 */
export function useQueueKeys(actions: QueueKeyActions): void {
  const onKey = (e: KeyboardEvent) => {
    // A dialog that handled the key (Escape closing it) marks it handled; don't act twice.
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape') {
      if (!isTyping(e.target)) actions.escape();
      return;
    }
    if (isTyping(e.target) || document.querySelector('[role="dialog"][aria-modal="true"]')) return;
    // Buttons and links keep their own Enter; everywhere else Enter opens the selected row.
    if (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.closest('button, a')) return;
    const run = byKey(actions)[e.key] ?? byCode(actions, e.shiftKey)[e.code];
    if (!run) return;
    e.preventDefault();
    run();
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));
}
