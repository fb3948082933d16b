import { MeetingNotice } from '@okno/shared';
import { onCleanup } from 'solid-js';
import { useToasts } from '../../app/toasts';
import { useConnection } from '../realtime/connection';
import { useMeetingsText } from './meetings.i18n';

type Listener = (notice: MeetingNotice) => void;
const listeners = new Set<Listener>();

/** Lets a screen (the calendar) refresh when a meeting notice arrives. */
export function onMeetingNotice(listener: Listener): void {
  listeners.add(listener);
  onCleanup(() => listeners.delete(listener));
}

/**
 * Tells members and invitees in the app, wherever they are in the console, that a meeting was
 * scheduled, started or ended, or that they were invited (the server sends `meeting:notice`
 * to each person's room).
 */
export function MeetingNotices() {
  const { socket } = useConnection();
  const toasts = useToasts();
  const m = useMeetingsText();
  const onNotice = (raw: unknown) => {
    const parsed = MeetingNotice.safeParse(raw);
    if (!parsed.success) return;
    const { kind, meeting } = parsed.data;
    toasts.push('info', m().notice[kind].replace('{title}', meeting.title));
    for (const listener of listeners) listener(parsed.data);
  };
  socket.on('meeting:notice', onNotice);
  onCleanup(() => socket.off('meeting:notice', onNotice));
  return null;
}
