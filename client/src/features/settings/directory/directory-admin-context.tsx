import type { DirectoryAdminDto } from '@okno/shared';
import { For, Show, type Accessor } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';

/** What every section of the screen shares. */
export interface DirectoryAdminCtx {
  dto: Accessor<DirectoryAdminDto>;
  editable: Accessor<boolean>;
  /** Sends one change; success replaces the directory (and refreshes the log), a refusal returns its issues. */
  save: (send: () => Promise<DirectoryAdminDto>) => Promise<string[]>;
}

export function ServerIssues(props: { issues: readonly string[]; testid: string }) {
  const { t } = useI18n();
  return (
    <Show when={props.issues.length > 0}>
      <div class="settings-issues" role="alert" data-testid={props.testid}>
        <span>{t('directoryAdmin.issues')}</span>
        <ul>
          <For each={props.issues}>{(i) => <li>{i}</li>}</For>
        </ul>
      </div>
    </Show>
  );
}
