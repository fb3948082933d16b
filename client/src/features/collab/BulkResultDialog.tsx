import type { BulkAction, BulkResult } from '@okno/shared';
import { createUniqueId, For, onMount, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n';
import { useItems } from '../items/items.store';
import { isBackdropClick } from '../../app/backdrop';

/** What a bulk action did, item by item: what succeeded, and what was refused with the reason. */
export function BulkResultDialog(props: { action: BulkAction['action']; result: BulkResult; onClose: () => void }) {
  const { t } = useI18n();
  const items = useItems();
  const titleId = createUniqueId();
  let closeButton: HTMLButtonElement | undefined;
  onMount(() => closeButton?.focus());
  const ok = () => props.result.results.filter((r) => r.ok);
  const refused = () => props.result.results.flatMap((r) => (r.ok ? [] : [r]));
  const titleOf = (id: number) => {
    const item = items.item(id);
    return item ? item.title || item.text.slice(0, 80) : '';
  };
  return (
    <div class="backdrop" onClick={(e) => isBackdropClick(e) && props.onClose()}>
      <div
        class="dialog bulk-result"
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="bulk-result"
        data-ok={ok().length}
        data-refused={refused().length}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          props.onClose();
        }}
      >
        <h3 id={titleId}>
          {t('collab.bulk.resultTitle')}: {t(`collab.bulk.action.${props.action}`)}
        </h3>
        <Show when={ok().length > 0}>
          <strong class="ok">{t('collab.bulk.succeeded', ok().length)}</strong>
          <ul>
            <For each={ok()}>
              {(r) => (
                <li data-testid="bulk-ok" data-item-id={r.itemId}>
                  {t('collab.bulk.itemNo', r.itemId)} <span class="muted">{titleOf(r.itemId)}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={refused().length > 0}>
          <strong class="refused">{t('collab.bulk.refused', refused().length)}</strong>
          <ul>
            <For each={refused()}>
              {(r) => (
                <li data-testid="bulk-refused" data-item-id={r.itemId} data-code={r.code}>
                  {t('collab.bulk.itemNo', r.itemId)} <span class="muted">{titleOf(r.itemId)}</span> — {r.message}
                </li>
              )}
            </For>
          </ul>
        </Show>
        <div class="dialog-buttons">
          <button type="button" ref={closeButton} data-testid="bulk-result-close" onClick={() => props.onClose()}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
