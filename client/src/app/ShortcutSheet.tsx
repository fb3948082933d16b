import { For, onMount } from 'solid-js';
import { useI18n } from '../i18n/i18n';

/** The "?" sheet: every queue shortcut, with both keys where there are two. */
export function ShortcutSheet(props: { onClose: () => void }) {
  const { t } = useI18n();
  let closeButton: HTMLButtonElement | undefined;
  onMount(() => closeButton?.focus());
  const rows = () =>
    [
      [['j', '↓'], t('shortcuts.next')],
      [['k', '↑'], t('shortcuts.prev')],
      [['Enter'], t('shortcuts.open')],
      [['c'], t('shortcuts.claim')],
      [['/'], t('shortcuts.search')],
      [['?'], t('shortcuts.help')],
      [['Esc'], t('shortcuts.escape')],
    ] as const;
  return (
    <div class="backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        class="dialog shortcuts"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcut-sheet"
        onKeyDown={(e) => {
          if (e.key !== 'Escape' && e.key !== '?') return;
          e.preventDefault();
          props.onClose();
        }}
      >
        <h3 id="shortcuts-title">{t('shortcuts.title')}</h3>
        <table>
          <tbody>
            <For each={rows()}>
              {([keys, label]) => (
                <tr>
                  <td>
                    <For each={keys}>{(k) => <kbd>{k}</kbd>}</For>
                  </td>
                  <td>{label}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <div class="dialog-buttons">
          <button type="button" ref={closeButton} onClick={() => props.onClose()}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
