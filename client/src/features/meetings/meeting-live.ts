/* eslint-disable solid/reactivity -- socket handlers and connection callbacks are event handlers, not tracked scopes */
import { MeetingPresence, type MeetingEvent, type MeetingState } from '@okno/shared';
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { emitMeetingJoin, emitMeetingLeave, emitMeetingSync } from '../../api/meetings.api';
import type { Connection } from '../realtime/connection';
import { drainEvents } from './meetings.model';

export interface MeetingLive {
  state: Accessor<MeetingState | null>;
  error: Accessor<string | null>;
  /** Applies an event this client received in an ack (no-op unless it follows on). */
  offer: (event: MeetingEvent) => void;
}

/**
 * The meeting's live replica: joins the room (state + seq), applies `meeting:event`s in order with
 * the shared helpers, and asks `meeting:sync` on a gap; every (re)connection joins afresh.
 */
export function createMeetingLive(connection: Connection, meetingId: number): MeetingLive {
  const socket = connection.socket;
  const [state, setState] = createSignal<MeetingState | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  let buffer: MeetingEvent[] = [];
  let busy = false;
  let disposed = false;
  let joining = false;
  // Presence that arrived while a join was in flight is newer than the join's answer may be.
  let presenceDuringJoin: MeetingState['remote'] | null = null;

  const drain = () => {
    const s0 = state();
    if (!s0) return;
    const { state: s, rest } = drainEvents(s0, buffer);
    buffer = rest;
    if (s !== s0) setState(s);
    if (buffer.length > 0) void sync();
  };

  const join = async () => {
    busy = true;
    joining = true;
    presenceDuringJoin = null;
    try {
      const ack = await emitMeetingJoin(socket, meetingId);
      if (disposed) return;
      if (!ack.ok) {
        setError(ack.error.message);
        return;
      }
      setError(null);
      connection.syncClock(ack.data.now);
      setState(presenceDuringJoin ? { ...ack.data, remote: presenceDuringJoin } : ack.data);
    } catch {
      // A lost ack: the next connection joins again.
    } finally {
      busy = false;
      joining = false;
    }
    drain();
  };

  const sync = async () => {
    const s = state();
    if (busy || !s) return;
    busy = true;
    let reload = false;
    try {
      const ack = await emitMeetingSync(socket, meetingId, s.seq);
      if (ack.ok) {
        if (ack.data.reload) reload = true;
        else buffer.push(...ack.data.events);
      }
    } catch {
      reload = true;
    } finally {
      busy = false;
    }
    if (reload) await join();
    else drain();
  };

  const onEvent = (event: MeetingEvent) => {
    if (event.meetingId !== meetingId) return;
    buffer.push(event);
    if (!busy) drain();
  };
  const onPresence = (raw: unknown) => {
    const p = MeetingPresence.safeParse(raw);
    if (!p.success || p.data.meetingId !== meetingId) return;
    if (joining) presenceDuringJoin = p.data.remote;
    const s = state();
    if (s) setState({ ...s, remote: p.data.remote });
  };

  socket.on('meeting:event', onEvent);
  socket.on('meeting:presence', onPresence);
  const unsubscribe = connection.onConnected(() => void join());
  if (socket.connected) void join();

  onCleanup(() => {
    disposed = true;
    unsubscribe();
    socket.off('meeting:event', onEvent);
    socket.off('meeting:presence', onPresence);
    if (socket.connected) void emitMeetingLeave(socket, meetingId);
  });

  return {
    state,
    error,
    offer: (event) => onEvent(event),
  };
}
