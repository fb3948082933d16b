import type { CloseResult, ItemStatus, Sector, UserRef } from '@okno/shared';
import { createSignal, type Accessor } from 'solid-js';
import { emitMutation, type MutationCall, type OknoSocket } from '../../api/socket';
import type { ToastKind } from '../../app/toasts';
import type { T } from '../../i18n/i18n';
import { newMutationId, optimisticChange } from './optimistic';
import { Outbox, type OutboxEntry } from './outbox';
import { loadOutbox, saveOutbox } from './outbox-storage';
import type { ItemReplica } from './replica';

export interface ItemActions {
  claim: (itemId: number) => void;
  release: (itemId: number) => void;
  comment: (itemId: number, text: string) => void;
  categorise: (itemId: number, sector: Sector, categoryId: number | null) => void;
  setStatus: (itemId: number, status: ItemStatus) => void;
  escalate: (itemId: number, reason: string) => void;
  deescalate: (itemId: number, reason: string) => void;
  extend: (itemId: number, days: number, reason: string) => void;
  interim: (itemId: number, text: string) => void;
  /** Routes to a body; a re-route (the item already has one) needs a reason. */
  route: (itemId: number, departmentId: number, reason?: string) => void;
  saveAnswer: (itemId: number, text: string, attachmentIds: number[]) => void;
  submitAnswer: (itemId: number) => void;
  returnAnswer: (itemId: number, comment: string) => void;
  approveAnswer: (itemId: number) => void;
  requestExtension: (itemId: number, days: number, reason: string) => void;
  /** A lead declines the executor's pending request for more time. */
  declineExtension: (itemId: number, reason: string) => void;
  close: (itemId: number, result: CloseResult, extra?: { mainItemId?: number; note?: string }) => void;
  rate: (itemId: number, score: number, comment?: string) => void;
}

export interface MutationsDeps {
  socket: OknoSocket;
  isOnline: () => boolean;
  me: UserRef;
  replica: ItemReplica;
  /** Pushes the replica's view of these items to the UI. */
  refresh: (itemIds: Iterable<number>) => void;
  notify: (kind: ToastKind, text: string) => void;
  onUnauthenticated: () => void;
  t: T;
  storageKey: string;
}

export interface Mutations {
  actions: ItemActions;
  outbox: Outbox;
  pending: Accessor<readonly OutboxEntry[]>;
}

/** Wires the outbox to the socket, the replica's overlays and the user's notifications. */
export function createMutations(deps: MutationsDeps): Mutations {
  const { replica, t } = deps;
  const [pending, setPending] = createSignal<readonly OutboxEntry[]>([], { equals: false });

  const dropOverlay = (mutationId: string) => {
    const itemId = replica.removeOverlay(mutationId);
    if (itemId !== undefined) deps.refresh([itemId]);
  };

  const outbox = new Outbox({
    send: (call) => emitMutation(deps.socket, call),
    isOnline: deps.isOnline,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    onChange: (entries) => {
      setPending(entries);
      saveOutbox(deps.storageKey, entries);
    },
    onAccepted: (entry, result) => {
      replica.removeOverlay(entry.mutationId);
      replica.upsert(result.item);
      deps.refresh([entry.itemId]);
    },
    onRefused: (entry, error) => {
      dropOverlay(entry.mutationId);
      const message = error.message || t('common.unknownError');
      deps.notify('error', t('toast.refused', t(`action.${entry.call.event}`), message));
    },
    onUnauthenticated: deps.onUnauthenticated,
  });

  const drawOverlay = (entry: OutboxEntry) => {
    const apply = optimisticChange(entry.call, deps.me);
    if (!apply) return;
    replica.addOverlay({ mutationId: entry.mutationId, itemId: entry.itemId, apply });
    deps.refresh([entry.itemId]);
  };

  const restored = loadOutbox(deps.storageKey);
  if (restored.length > 0) {
    restored.forEach(drawOverlay);
    outbox.restore(restored);
    deps.notify('info', t('toast.restored', restored.length));
  }

  let warnedOffline = false;
  const submit = (call: MutationCall) => {
    const entry: OutboxEntry = {
      mutationId: call.input.mutationId,
      itemId: call.input.itemId,
      call,
      baseVersion: replica.confirmedItem(call.input.itemId)?.version ?? null,
      queuedAt: Date.now(),
    };
    drawOverlay(entry);
    if (deps.isOnline()) warnedOffline = false;
    else if (!warnedOffline) {
      warnedOffline = true;
      deps.notify('info', t('toast.queuedOffline'));
    }
    outbox.enqueue(entry);
  };

  /** The version the user is looking at: what a stale-write check compares against. */
  const versionOf = (itemId: number) => replica.confirmedItem(itemId)?.version ?? 0;
  const base = (itemId: number) => ({ mutationId: newMutationId(), itemId });

  const actions: ItemActions = {
    // Claiming is decided by the server on the assignee, not on the version: omit it.
    claim: (itemId) => submit({ event: 'item:claim', input: base(itemId) }),
    release: (itemId) => submit({ event: 'item:release', input: { ...base(itemId), version: versionOf(itemId) } }),
    comment: (itemId, text) => submit({ event: 'item:comment', input: { ...base(itemId), text } }),
    categorise: (itemId, sector, categoryId) =>
      submit({ event: 'item:categorise', input: { ...base(itemId), version: versionOf(itemId), sector, categoryId } }),
    setStatus: (itemId, status) =>
      submit({ event: 'item:status', input: { ...base(itemId), version: versionOf(itemId), status } }),
    escalate: (itemId, reason) =>
      submit({ event: 'item:escalate', input: { ...base(itemId), version: versionOf(itemId), reason } }),
    deescalate: (itemId, reason) =>
      submit({ event: 'item:deescalate', input: { ...base(itemId), version: versionOf(itemId), reason } }),
    extend: (itemId, days, reason) =>
      submit({ event: 'item:extend', input: { ...base(itemId), version: versionOf(itemId), days, reason } }),
    interim: (itemId, text) => submit({ event: 'item:interim', input: { ...base(itemId), version: versionOf(itemId), text } }),
    route: (itemId, departmentId, reason) =>
      submit({ event: 'item:route', input: { ...base(itemId), version: versionOf(itemId), departmentId, ...(reason ? { reason } : {}) } }),
    saveAnswer: (itemId, text, attachmentIds) =>
      submit({ event: 'item:answer_save', input: { ...base(itemId), version: versionOf(itemId), text, attachmentIds } }),
    submitAnswer: (itemId) => submit({ event: 'item:answer_submit', input: { ...base(itemId), version: versionOf(itemId) } }),
    returnAnswer: (itemId, comment) =>
      submit({ event: 'item:answer_return', input: { ...base(itemId), version: versionOf(itemId), comment } }),
    approveAnswer: (itemId) => submit({ event: 'item:answer_approve', input: { ...base(itemId), version: versionOf(itemId) } }),
    requestExtension: (itemId, days, reason) =>
      submit({ event: 'item:extension_request', input: { ...base(itemId), version: versionOf(itemId), days, reason } }),
    declineExtension: (itemId, reason) =>
      submit({ event: 'item:extension_decline', input: { ...base(itemId), version: versionOf(itemId), reason } }),
    close: (itemId, result, extra = {}) =>
      submit({ event: 'item:close', input: { ...base(itemId), version: versionOf(itemId), result, ...extra } }),
    rate: (itemId, score, comment) =>
      submit({ event: 'item:rate', input: { ...base(itemId), score, ...(comment ? { comment } : {}) } }),
  };

  return { actions, outbox, pending };
}
