import type { SavedViewDto } from '@okno/shared';
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n';

interface Props {
  view: SavedViewDto;
  mine: boolean;
  current: boolean;
  onApply: () => void;
  /** Resolves once renamed; rejects with the message to show beside the name. */
  onRename: (name: string) => Promise<void>;
  onDelete: () => void;
}

/**
 * One saved view in the views menu: applies it on a click; for those who may manage it (see
 * canManageView) also renames it in place (Enter saves, Escape gives up) and deletes it after
 * a confirmation.
 */
export function ViewRow(props: Props) {
  const { t } = useI18n();
  const [confirming, setConfirming] = createSignal(false);
  const [renaming, setRenaming] = createSignal(false);
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let renameButton: HTMLButtonElement | undefined;

  const startRename = () => {
    setName(props.view.name);
    setError(null);
    setConfirming(false);
    setRenaming(true);
  };
  const stopRename = () => {
    setRenaming(false);
    queueMicrotask(() => renameButton?.focus());
  };
  const rename = async () => {
    const next = name().trim();
    if (!next || busy()) return;
    if (next === props.view.name) return stopRename();
    setBusy(true);
    try {
      await props.onRename(next);
      stopRename();
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="view-row" data-testid="view-item" data-view-id={props.view.id} classList={{ current: props.current }}>
      <Show
        when={renaming()}
        fallback={
          <>
            <button type="button" class="view-apply" data-testid="view-apply" onClick={() => props.onApply()} title={props.view.query || '—'}>
              {props.view.name}
              <Show when={props.current}>
                <span class="muted"> · {t('collab.views.current')}</span>
              </Show>
              <Show when={props.view.shared && !props.mine}>
                <span class="muted view-owner">{t('collab.views.by', props.view.owner.name)}</span>
              </Show>
            </button>
            <Show when={props.view.canManage}>
              <button
                type="button"
                ref={renameButton}
                class="link view-rename"
                data-testid="view-rename"
                aria-label={t('collab.views.renameTitle', props.view.name)}
                title={t('collab.views.renameTitle', props.view.name)}
                onClick={startRename}
              >
                ✎
              </button>
              <Show
                when={confirming()}
                fallback={
                  <button
                    type="button"
                    class="link view-delete"
                    aria-label={t('collab.views.deleteTitle', props.view.name)}
                    title={t('collab.views.deleteTitle', props.view.name)}
                    onClick={() => setConfirming(true)}
                  >
                    ×
                  </button>
                }
              >
                <button type="button" class="link danger" data-testid="view-delete-confirm" onClick={() => props.onDelete()}>
                  {t('collab.views.confirmDelete')}
                </button>
              </Show>
            </Show>
          </>
        }
      >
        <form
          class="view-rename-form"
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <input
            type="text"
            maxLength={100}
            data-testid="view-rename-input"
            aria-label={t('collab.views.renameTitle', props.view.name)}
            value={name()}
            ref={(el) => queueMicrotask(() => el.select())}
            onInput={(e) => setName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              // Escape leaves the renaming, not the whole menu.
              e.preventDefault();
              e.stopPropagation();
              stopRename();
            }}
          />
          <button type="submit" data-testid="view-rename-save" disabled={busy() || name().trim() === ''}>
            {t('collab.views.renameSave')}
          </button>
          <button type="button" class="link" onClick={stopRename}>
            {t('common.cancel')}
          </button>
          <Show when={error()}>{(message) => <p class="form-error view-rename-error">{message()}</p>}</Show>
        </form>
      </Show>
    </li>
  );
}
