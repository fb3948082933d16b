import type { DirectoryAdminDto } from '@okno/shared';
import { For, Show, type Accessor } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { rebased } from './directory-admin-model';

/** What a form's save came to: saved, or refused with the server's words (`stale`: the record changed meanwhile). */
export type SaveResult = { ok: true } | { ok: false; issues: string[]; stale: boolean };

/** What every section of the screen shares. */
export interface DirectoryAdminCtx {
  dto: Accessor<DirectoryAdminDto>;
  editable: Accessor<boolean>;
  /** Sends one change from a form: success replaces the directory (and refreshes the log), a refusal is the form's to show. */
  save: (send: () => Promise<DirectoryAdminDto>) => Promise<SaveResult>;
  /** Sends a one-click change (no form to hold a refusal): a refusal is a toast. */
  act: (send: () => Promise<DirectoryAdminDto>) => Promise<void>;
  /** Loads the directory and the log afresh; open forms keep their input. */
  reload: () => void;
}

/** What a form shows under its buttons: its own checks, or the server's refusal. */
export type FormIssues = { source: 'form'; issues: string[] } | { source: 'server'; issues: string[]; stale: boolean };

export const formIssuesOf = (result: SaveResult): FormIssues | null => (result.ok ? null : { source: 'server', issues: result.issues, stale: result.stale });

/** A form's problems: checks made here say so, a refusal names the server, a stale record offers a reload. */
export function FormIssuesView(props: { issues: FormIssues | null; testid: string; onReload: () => void }) {
  const { t } = useI18n();
  const stale = () => props.issues?.source === 'server' && props.issues.stale;
  return (
    <Show when={props.issues}>
      {(shown) => (
        <div class="settings-issues" role="alert" data-testid={props.testid} data-source={shown().source}>
          <span>{shown().source === 'form' ? t('directoryAdmin.checkForm') : t('directoryAdmin.issues')}</span>
          <ul>
            <For each={shown().issues}>{(i) => <li>{i}</li>}</For>
          </ul>
          <Show when={stale()}>
            <p data-testid="stale-hint">
              {t('directoryAdmin.staleHint')}{' '}
              <button type="button" data-testid="form-reload" onClick={() => props.onReload()}>
                {t('directoryAdmin.reload')}
              </button>
            </p>
          </Show>
        </div>
      )}
    </Show>
  );
}

/**
 * The open edit row's input, kept outside the row: a reload rebuilds every row, and the form
 * comes back with the input moved onto the newer record (see `rebased`).
 */
export function keptDraft<T extends object>() {
  let kept: { id: number; base: T; draft: T } | null = null;
  return {
    /** What the form for this record starts with. */
    initial: (id: number, latest: T): T => (kept?.id === id ? rebased(kept.base, kept.draft, latest) : latest),
    /** Remembers the input of the form opened on `base`. */
    track: (id: number, base: T) => (draft: T) => {
      kept = { id, base, draft };
    },
    forget: () => {
      kept = null;
    },
  };
}
