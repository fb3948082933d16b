import { ItemTyping } from '@okno/shared';
import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { OknoSocket } from '../../api/socket';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../auth/auth.store';
import { useConnection } from '../realtime/connection';
import { emitTyping } from './collab-socket';
import {
  createThrottle,
  NO_TYPING,
  shortName,
  TYPING_THROTTLE_MS,
  typistsOf,
  withoutExpired,
  withTyping,
  type TypingField,
  type TypingState,
} from './typing-state';

interface TypingStore {
  state: Accessor<TypingState>;
  /** Ticks while anyone is typing, so marks disappear on time. */
  now: Accessor<number>;
}

// One store per socket (a new sign-in opens a new socket), so no provider is needed.
const stores = new WeakMap<OknoSocket, TypingStore>();

function typingStore(socket: OknoSocket): TypingStore {
  const existing = stores.get(socket);
  if (existing) return existing;
  const [state, setState] = createSignal<TypingState>(NO_TYPING);
  const [now, setNow] = createSignal(Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    const t = Date.now();
    setNow(t);
    const next = withoutExpired(state(), t);
    setState(next);
    if (next.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  socket.on('presence:typing', (raw) => {
    const parsed = ItemTyping.safeParse(raw);
    if (!parsed.success) return;
    const t = Date.now();
    setState((s) => withTyping(s, parsed.data, t));
    setNow(t);
    timer ??= setInterval(tick, 500);
  });
  socket.on('disconnect', () => {
    clearInterval(timer);
    timer = undefined;
    setState(NO_TYPING);
  });
  const store = { state, now };
  stores.set(socket, store);
  return store;
}

/**
 * For an editor of the item card: returns the function to call on every input; it tells the
 * item's other viewers that this person is typing, at most every 2 s.
 *
 *   const typing = useTypingNotifier(itemId, 'answer');
 *   <textarea onInput={(e) => { setText(e.currentTarget.value); typing(); }} />
 */
export function useTypingNotifier(itemId: number, field: TypingField): () => void {
  const { socket } = useConnection();
  const mayNotify = createThrottle(TYPING_THROTTLE_MS, Date.now);
  return () => {
    if (socket.connected && mayNotify()) emitTyping(socket, itemId, field);
  };
}

/** «Кузнецов А. печатает комментарий…» under an editor of the item; empty when nobody else types. */
export function TypingIndicator(props: { itemId: number; field: TypingField }) {
  const { t } = useI18n();
  const me = useMe();
  const store = typingStore(useConnection().socket);
  const typists = createMemo(() => typistsOf(store.state(), props.itemId, props.field, store.now()).filter((u) => u.id !== me.id));
  const line = () => {
    const list = typists();
    if (list.length === 0) return '';
    const names = list.map((u) => shortName(u.name)).join(t('collab.typing.and'));
    return t(`collab.typing.${props.field}`, names, list.length > 1);
  };
  return (
    <p class="typing-line" aria-live="polite" data-testid={`typing-${props.field}`} data-count={typists().length}>
      {line()}
    </p>
  );
}
