import { DEADLINE_CLOCKS, type DeadlineClock, type DeadlineSettingsDto } from '@okno/shared';
import { createEffect, createMemo, createSignal, For, on, Show, untrack, type Accessor } from 'solid-js';
import { settingsApi } from '../../api/settings.api';
import { useI18n } from '../../i18n/i18n';
import { applyPolicyEdit, policyEditOf, type PolicyEdit } from './settings-model';
import { type Entry, type Ctx, Issues } from './settings-context';

export function PoliciesTable(props: { settings: Accessor<DeadlineSettingsDto>; ctx: Ctx }) {
  const { t } = useI18n();
  const codes = createMemo(() => props.settings().policies.map((p) => p.code), [], {
    equals: (a, b) => a.length === b.length && a.every((c, i) => c === b[i]),
  });
  const entryOf = (code: string) => props.settings().policies.find((p) => p.code === code);
  return (
    <section class="settings-section">
      <h2>{t('settings.policies.title')}</h2>
      <Show when={codes().length > 0} fallback={<p class="muted">{t('settings.policies.empty')}</p>}>
        <table class="settings-table">
          <thead>
            <tr>
              <th>{t('settings.policies.code')}</th>
              <th>{t('settings.policies.kind')}</th>
              <th>{t('settings.policies.channel')}</th>
              <th>{t('settings.policies.category')}</th>
              <th>{t('settings.policies.clock')}</th>
              <th>{t('settings.policies.answer')}</th>
              <th>{t('settings.policies.extension')}</th>
              <th title={t('settings.policies.atRiskHint')}>{t('settings.policies.atRisk')}</th>
              <Show when={props.ctx.editable()}>
                <th />
              </Show>
            </tr>
          </thead>
          <For each={codes()}>
            {(code) => (
              <Show when={entryOf(code)}>{(entry) => <PolicyRow entry={entry} ctx={props.ctx} />}</Show>
            )}
          </For>
        </table>
      </Show>
    </section>
  );
}

function PolicyRow(props: { entry: Accessor<Entry<'policies'>>; ctx: Ctx }) {
  const { t } = useI18n();
  const [edit, setEdit] = createSignal<PolicyEdit>(untrack(() => policyEditOf(props.entry().policy)));
  const [issues, setIssues] = createSignal<string[]>([]);
  const [busy, setBusy] = createSignal(false);
  // A saved (or otherwise changed) row shows the server's values again.
  createEffect(on(() => props.entry().version, () => setEdit(policyEditOf(props.entry().policy)), { defer: true }));
  const patch = (p: Partial<PolicyEdit>) => setEdit((e) => ({ ...e, ...p }));
  const save = async () => {
    setBusy(true);
    const entry = props.entry();
    const policy = applyPolicyEdit(entry.policy, edit());
    setIssues(await props.ctx.save((reason) => settingsApi.savePolicy(entry.code, { version: entry.version, policy, reason })));
    setBusy(false);
  };
  const p = () => props.entry().policy;
  return (
    <tbody>
      <tr data-testid="policy-row" data-code={props.entry().code}>
        <td>
          <code>{props.entry().code}</code>
        </td>
        <td>{t(`kind.${p().kind}`)}</td>
        <td>{p().channel ? t(`channel.${p().channel!}`) : t('settings.policies.anyChannel')}</td>
        <td>{p().categoryCode ?? t('settings.policies.anyCategory')}</td>
        <Show
          when={props.ctx.editable()}
          fallback={
            <>
              <td>{p().answer ? t(`deadline.clock.${p().answer!.clock}`) : t('common.none')}</td>
              <td data-testid="policy-answer">{p().answer?.amount ?? t('common.none')}</td>
              <td>{p().maxExtension ?? t('common.none')}</td>
              <td>{p().atRiskThreshold ?? t('common.none')}</td>
            </>
          }
        >
          <td>
            <select
              aria-label={t('settings.policies.clock')}
              data-testid="policy-clock"
              value={edit().clock}
              onChange={(e) => patch({ clock: e.currentTarget.value as DeadlineClock })}
            >
              <For each={DEADLINE_CLOCKS}>{(c) => <option value={c}>{t(`deadline.clock.${c}`)}</option>}</For>
            </select>
          </td>
          <td>
            <input
              type="number"
              min="0"
              step="any"
              class="settings-number"
              aria-label={t('settings.policies.answer')}
              data-testid="policy-answer"
              value={edit().amount}
              onInput={(e) => patch({ amount: e.currentTarget.value })}
            />
          </td>
          <td>
            <input
              type="number"
              min="1"
              step="1"
              class="settings-number"
              aria-label={t('settings.policies.extension')}
              data-testid="policy-extension"
              value={edit().maxExtension}
              onInput={(e) => patch({ maxExtension: e.currentTarget.value })}
            />
          </td>
          <td>
            <input
              type="number"
              min="0"
              max="1"
              step="0.05"
              class="settings-number"
              aria-label={t('settings.policies.atRisk')}
              title={t('settings.policies.atRiskHint')}
              data-testid="policy-at-risk"
              value={edit().atRiskThreshold}
              onInput={(e) => patch({ atRiskThreshold: e.currentTarget.value })}
            />
          </td>
          <td>
            <button type="button" data-testid="policy-save" disabled={busy()} onClick={() => void save()}>
              {t('settings.save')}
            </button>
          </td>
        </Show>
      </tr>
      <Show when={issues().length > 0}>
        <tr>
          <td colSpan={9}>
            <Issues issues={issues()} testid="policy-issues" />
          </td>
        </tr>
      </Show>
    </tbody>
  );
}
