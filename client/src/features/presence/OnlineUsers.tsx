import { createSignal, For } from 'solid-js';
import { useI18n } from '../../i18n/i18n';
import { initialsOf, usePresence } from './presence.store';

/** Count of people online, with the list on demand. */
export function OnlineUsers() {
  const { t } = useI18n();
  const presence = usePresence();
  const [open, setOpen] = createSignal(false);
  return (
    <div class="online" data-testid="online-users" data-count={presence.online().length}>
      <button type="button" class="link" aria-expanded={open()} onClick={() => setOpen((v) => !v)}>
        {t('header.online', presence.online().length)}
      </button>
      {/* The list stays in the DOM (hidden) so its names are searchable and testable. */}
      <div class="popover" hidden={!open()} aria-label={t('header.onlineTitle')}>
          <strong>{t('header.onlineTitle')}</strong>
          <ul>
            <For each={presence.online()}>
              {(user) => (
                <li>
                  <span class="initials">{initialsOf(user.name)}</span> {user.name}
                </li>
              )}
            </For>
          </ul>
      </div>
    </div>
  );
}
