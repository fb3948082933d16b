import type { CompositionMemberDto, UserRef } from '@okno/shared';
import { createSignal, For, Show } from 'solid-js';
import { useDirectory } from '../directory/directory.store';
import { useMeetingsText } from './meetings.i18n';
import { inviteCandidates, type AttendanceMode } from './meetings.model';

/** An invited person in the attendance list: speaks, does not vote. */
export function InviteeRow(props: {
  person: UserRef;
  mode: AttendanceMode;
  canMark: boolean;
  canUninvite: boolean;
  /** Marks the person in the room (true) or not. */
  onMark: (inRoom: boolean) => void;
  onUninvite: () => void;
}) {
  const m = useMeetingsText();
  return (
    <li data-testid="invitee" data-user-id={props.person.id} data-mode={props.mode}>
      <span>{props.person.name}</span>
      <span class="mt-invitee">{m().invitee}</span>
      <Show when={props.mode !== 'absent'}>
        <span class={`mt-mode mt-mode-${props.mode}`}>{props.mode === 'in_room' ? m().inRoom : m().remote}</span>
      </Show>
      <Show when={props.canMark}>
        <button type="button" class="mt-small" data-testid="invitee-mark" onClick={() => props.onMark(props.mode !== 'in_room')}>
          {props.mode === 'in_room' ? m().markOut : m().markIn}
        </button>
      </Show>
      <Show when={props.canUninvite}>
        <button type="button" class="mt-small" data-testid="uninvite" title={m().uninvite} aria-label={m().uninvite} onClick={() => props.onUninvite()}>
          ✕
        </button>
      </Show>
    </li>
  );
}

/** The secretary invites someone who is not a member (from the directory's users). */
export function InviteForm(props: { composition: readonly CompositionMemberDto[]; invitees: readonly UserRef[]; invite: (userId: number) => Promise<boolean> }) {
  const m = useMeetingsText();
  const dir = useDirectory();
  const [picked, setPicked] = createSignal('');
  const candidates = () => inviteCandidates(dir.users(), props.composition, props.invitees);
  return (
    <form
      class="mt-row"
      onSubmit={(e) => {
        e.preventDefault();
        const id = Number(picked());
        if (id > 0) void props.invite(id).then((ok) => ok && setPicked(''));
      }}
    >
      <select data-testid="invite-select" aria-label={m().invitePick} value={picked()} onChange={(e) => setPicked(e.currentTarget.value)}>
        <option value="">{m().invitePick}</option>
        <For each={candidates()}>{(u) => <option value={u.id}>{u.name}</option>}</For>
      </select>
      <button type="submit" data-testid="invite-submit" disabled={!picked()}>
        {m().invite}
      </button>
    </form>
  );
}
