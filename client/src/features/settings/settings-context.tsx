import { type DeadlineSettingsDto } from '@okno/shared';
import { For, Show, type Accessor } from 'solid-js';
import { useI18n } from '../../i18n/i18n';

export type Entry<K extends keyof DeadlineSettingsDto> = DeadlineSettingsDto[K] extends readonly (infer E)[] ? E : never;

export interface Ctx {
  editable: Accessor<boolean>;
  reason: Accessor<string>;
  /** Sends one change; refusals become toasts or the returned issues, success replaces the settings. */
  save: (send: (reason: string) => Promise<DeadlineSettingsDto>) => Promise<string[]>;
}

export function Issues(props: { issues: readonly string[]; testid: string }) {
  const { t } = useI18n();
  return (
    <Show when={props.issues.length > 0}>
      <div class="settings-issues" role="alert" data-testid={props.testid}>
        <span>{t('settings.issues')}</span>
        <ul>
          <For each={props.issues}>{(i) => <li>{i}</li>}</For>
        </ul>
      </div>
    </Show>
  );
}
