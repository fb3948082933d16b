import { BULK_MAX_ITEMS, type Ack, type BulkAction, type BulkResult } from '@okno/shared';
import { createSignal, createUniqueId, Match, onCleanup, onMount, Show, Switch, type ParentProps } from 'solid-js';
import { useToasts } from '../../app/toasts';
import { useI18n } from '../../i18n/i18n';
import { newMutationId } from '../items/optimistic';
import { useItems } from '../items/items.store';
import { useConnection } from '../realtime/connection';
import { BulkCategoryDialog, BulkDuplicateDialog, BulkRouteDialog } from './BulkDialogs';
import { BulkResultDialog } from './BulkResultDialog';
import { overBulkLimit } from './bulk-limit';
import { emitBulk } from './collab-socket';
import './collab.css';

type Dialog = 'route' | 'categorise' | 'duplicate' | null;

interface Props {
  /** The ticked rows shown, in the order shown. */
  ids: number[];
  onClear: () => void;
  /** The rows the action succeeded on (they are unticked; refused ones stay ticked). */
  onDone: (ids: number[]) => void;
}

/**
 * The bar's frame at the bottom of the queue. While it is shown its height is published as
 * --bulk-bar-height, so the toasts (bottom left) stand above it instead of over its buttons;
 * hidden (the queue gives way to a card on a narrow screen) it measures 0.
 */
function BulkBarFrame(props: ParentProps<{ label: string; count: number }>) {
  let bar: HTMLDivElement | undefined;
  const root = document.documentElement.style;
  onMount(() => {
    if (!bar) return;
    const publish = () => root.setProperty('--bulk-bar-height', `${Math.ceil(bar?.getBoundingClientRect().height ?? 0)}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(bar);
    onCleanup(() => {
      observer.disconnect();
      root.removeProperty('--bulk-bar-height');
    });
  });
  return (
    <div class="bulk-bar" ref={bar} role="toolbar" aria-label={props.label} data-testid="bulk-bar" data-count={props.count}>
      {props.children}
    </div>
  );
}

/**
 * Bulk actions on the ticked rows: claim, route (to one body or each to its suggested body),
 * set the category, close as duplicates of a main item. The server runs each item on its own
 * and reports per item; the result dialog lists what succeeded and what was refused, and why.
 */
export function BulkBar(props: Props) {
  const { t } = useI18n();
  const toasts = useToasts();
  const items = useItems();
  const connection = useConnection();
  const [dialog, setDialog] = createSignal<Dialog>(null);
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<{ action: BulkAction['action']; result: BulkResult } | null>(null);
  // More than the contract takes: the bar says so and offers only to clear the selection.
  const tooMany = () => overBulkLimit(props.ids.length);
  const blocked = () => busy() || tooMany();
  const limitId = createUniqueId();

  const run = async (action: BulkAction) => {
    setDialog(null);
    if (tooMany()) return;
    if (!connection.isOnline()) {
      toasts.push('error', t('collab.bulk.offline'));
      return;
    }
    const input = { mutationId: newMutationId(), itemIds: [...props.ids], do: action };
    setBusy(true);
    try {
      let ack: Ack<BulkResult>;
      try {
        ack = await emitBulk(connection.socket, input);
      } catch {
        // A lost answer: the same mutation id makes the retry answer the first results.
        ack = await emitBulk(connection.socket, input);
      }
      if (!ack.ok) {
        toasts.push('error', t('collab.bulk.failed', ack.error.message || t('common.unknownError')));
        return;
      }
      for (const r of ack.data.results) if (r.ok) items.adopt(r.item);
      props.onDone(ack.data.results.filter((r) => r.ok).map((r) => r.itemId));
      setResult({ action: action.action, result: ack.data });
    } catch {
      toasts.push('error', t('collab.bulk.failed', t('common.networkError')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Show when={props.ids.length > 0}>
        <BulkBarFrame label={t('collab.bulk.bar')} count={props.ids.length}>
          <Show when={tooMany()} fallback={<strong data-testid="bulk-count">{t('collab.bulk.selected', props.ids.length)}</strong>}>
            <strong class="bulk-limit" id={limitId} role="status" data-testid="bulk-limit">
              {t('collab.bulk.tooMany', props.ids.length, BULK_MAX_ITEMS)}
            </strong>
          </Show>
          <button
            type="button"
            class="primary"
            data-testid="bulk-claim"
            disabled={blocked()}
            aria-describedby={tooMany() ? limitId : undefined}
            onClick={() => void run({ action: 'claim' })}
          >
            {t('collab.bulk.claim')}
          </button>
          <button type="button" data-testid="bulk-route" disabled={blocked()} aria-describedby={tooMany() ? limitId : undefined} onClick={() => setDialog('route')}>
            {t('collab.bulk.route')}
          </button>
          <button
            type="button"
            data-testid="bulk-categorise"
            disabled={blocked()}
            aria-describedby={tooMany() ? limitId : undefined}
            onClick={() => setDialog('categorise')}
          >
            {t('collab.bulk.categorise')}
          </button>
          <button
            type="button"
            class="warn"
            data-testid="bulk-duplicate"
            disabled={blocked()}
            aria-describedby={tooMany() ? limitId : undefined}
            onClick={() => setDialog('duplicate')}
          >
            {t('collab.bulk.duplicate')}
          </button>
          <button type="button" class="link" data-testid="bulk-clear" disabled={busy()} onClick={() => props.onClear()}>
            {t('collab.bulk.clear')}
          </button>
          <Show when={busy()}>
            <span class="muted" role="status">
              {t('collab.bulk.running')}
            </span>
          </Show>
        </BulkBarFrame>
      </Show>
      <Switch>
        <Match when={dialog() === 'route'}>
          <BulkRouteDialog count={props.ids.length} onSubmit={(a) => void run(a)} onCancel={() => setDialog(null)} />
        </Match>
        <Match when={dialog() === 'categorise'}>
          <BulkCategoryDialog count={props.ids.length} onSubmit={(a) => void run(a)} onCancel={() => setDialog(null)} />
        </Match>
        <Match when={dialog() === 'duplicate'}>
          <BulkDuplicateDialog count={props.ids.length} onSubmit={(a) => void run(a)} onCancel={() => setDialog(null)} />
        </Match>
      </Switch>
      <Show when={result()}>{(r) => <BulkResultDialog action={r().action} result={r().result} onClose={() => setResult(null)} />}</Show>
    </>
  );
}
