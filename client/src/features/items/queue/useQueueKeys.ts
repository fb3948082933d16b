import { onCleanup } from 'solid-js';

export interface QueueKeyActions {
  next: () => void;
  prev: () => void;
  open: () => void;
  claim: () => void;
  /** Opens the card's routing dialog (the card opens first when it is not open). */
  route: () => void;
  escalate: () => void;
  /** Focuses the card's comment box. */
  comment: () => void;
  /** Ticks or unticks the cursor row for a bulk action. */
  toggleTick: () => void;
  /** Ticks every row shown. */
  tickAll: () => void;
  focusSearch: () => void;
  openViews: () => void;
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
  r: a.route,
  e: a.escalate,
  m: a.comment,
  x: a.toggleTick,
  ' ': a.toggleTick,
  v: a.openViews,
  '/': a.focusSearch,
  '?': a.toggleHelp,
});

// Physical keys, so the shortcuts also work with the Russian layout active (о, л, с, к, у, ь, ч, м, .).
const byCode = (a: QueueKeyActions, shift: boolean): Handlers => ({
  KeyJ: a.next,
  KeyK: a.prev,
  KeyC: a.claim,
  KeyR: a.route,
  KeyE: a.escalate,
  KeyM: a.comment,
  KeyX: a.toggleTick,
  KeyV: a.openViews,
  Slash: shift ? a.toggleHelp : a.focusSearch,
});

/**
 * Queue shortcuts: j/k or arrows move, Enter opens, x or Space ticks a row, Ctrl/⌘+A ticks
 * every row shown, c claims, r routes, e escalates, m comments, / searches, v opens the saved
 * views, ? shows the sheet, Escape closes (or clears the ticks). Ignored while typing and with
 * other modifier keys, so browser shortcuts still work.
 */
export function useQueueKeys(actions: QueueKeyActions): void {
  const onKey = (e: KeyboardEvent) => {
    // A dialog that handled the key (Escape closing it) marks it handled; don't act twice.
    if (e.defaultPrevented) return;
    const modal = () => document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyA') {
      if (isTyping(e.target) || modal()) return;
      e.preventDefault();
      actions.tickAll();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape') {
      // An open dialog owns Escape: it never closes the card or clears the ticks underneath.
      if (!isTyping(e.target) && !modal()) actions.escape();
      return;
    }
    if (isTyping(e.target) || modal()) return;
    // Buttons and links keep their own Enter and Space; everywhere else they act on the row.
    if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof HTMLElement && e.target.closest('button, a')) return;
    const run = byKey(actions)[e.key] ?? byCode(actions, e.shiftKey)[e.code];
    if (!run) return;
    e.preventDefault();
    run();
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));
}
