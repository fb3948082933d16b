import { onCleanup } from 'solid-js';

/** Dialogs of the item card that keyboard shortcuts (or other screens) may open. */
export type PanelDialog = 'route' | 'escalate' | 'close' | 'comment';

interface Handler {
  dialog: PanelDialog;
  itemId: number;
  open: () => void;
}

/** A command older than this is stale: the card it was meant for never opened. */
const COMMAND_TTL_MS = 3000;

const handlers = new Set<Handler>();
let waiting: { dialog: PanelDialog; itemId: number; at: number } | null = null;

/**
 * Asks the card of `itemId` to open one of its dialogs. Works whether the card is open already
 * or opens right after (a shortcut that opens the selected row, then its dialog). Each command
 * is taken once, by the first card component that handles that dialog of that item.
 */
export function openPanelDialog(dialog: PanelDialog, itemId: number): void {
  for (const h of handlers) {
    if (h.dialog === dialog && h.itemId === itemId) {
      waiting = null;
      h.open();
      return;
    }
  }
  waiting = { dialog, itemId, at: Date.now() };
}

/** Registers a card component as the one that opens `dialog` of `itemId`; answers the unregister. */
export function onPanelCommand(dialog: PanelDialog, itemId: number, open: () => void): () => void {
  const handler: Handler = { dialog, itemId, open };
  handlers.add(handler);
  if (waiting && waiting.dialog === dialog && waiting.itemId === itemId) {
    const fresh = Date.now() - waiting.at <= COMMAND_TTL_MS;
    waiting = null;
    if (fresh) open();
  }
  return () => handlers.delete(handler);
}

/** `onPanelCommand` for the lifetime of the calling component. */
export function usePanelCommand(dialog: PanelDialog, itemId: number, open: () => void): void {
  onCleanup(onPanelCommand(dialog, itemId, open));
}
