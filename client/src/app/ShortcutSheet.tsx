import { For, onMount } from 'solid-js';
import { useI18n } from '../i18n/i18n';
import { isBackdropClick } from './backdrop';

type Row = readonly [keys: readonly string[], label: string];

/** The "?" sheet: every queue shortcut, with both keys where there are two. */
export function ShortcutSheet(props: { onClose: () => void }) {
  const { t } = useI18n();
  let closeButton: HTMLButtonElement | undefined;
  onMount(() => closeButton?.focus());
  const groups = (): readonly (readonly [string, readonly Row[]])[] => [
    [
      t('collab.shortcuts.group.move'),
      [
        [['j', '↓'], t('shortcuts.next')],
        [['k', '↑'], t('shortcuts.prev')],
        [['Enter'], t('shortcuts.open')],
        [['/'], t('shortcuts.search')],
        [['v'], t('collab.shortcuts.views')],
      ],
    ],
    [
      t('collab.shortcuts.group.select'),
      [
        [['x', t('collab.shortcuts.space')], t('collab.shortcuts.select')],
        [[`Shift + ${t('collab.shortcuts.click')}`], t('collab.shortcuts.range')],
        [['Ctrl/⌘ + A'], t('collab.shortcuts.selectAll')],
      ],
    ],
    [
      t('collab.shortcuts.group.act'),
      [
        [['c'], t('shortcuts.claim')],
        [['r'], t('collab.shortcuts.route')],
        [['e'], t('collab.shortcuts.escalate')],
        [['m'], t('collab.shortcuts.comment')],
        [['@'], t('collab.shortcuts.mention')],
        [['Ctrl/⌘ + Enter'], t('collab.shortcuts.send')],
      ],
    ],
    [
      t('collab.shortcuts.group.other'),
      [
        [['?'], t('shortcuts.help')],
        [['Esc'], t('collab.shortcuts.escape')],
      ],
    ],
  ];
  return (
    <div class="backdrop" onClick={(e) => isBackdropClick(e) && props.onClose()}>
      <div
        class="dialog shortcuts"
        tabIndex={-1}
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
          <For each={groups()}>
            {([title, rows]) => (
              <tbody>
                <tr>
                  <th colSpan={2} scope="colgroup">
                    {title}
                  </th>
                </tr>
                <For each={rows}>
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
            )}
          </For>
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
