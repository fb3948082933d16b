import { CHANNELS, ESCALATION_LEVELS, ITEM_KINDS, ITEM_STATUSES, RISK_STATES, SECTORS, type EscalationLevel, type ItemDto } from '@okno/shared';
import type { Column, SolidTable } from '@tanstack/solid-table';
import { createEffect, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useDirectory } from '../../directory/directory.store';
import { standsOnStep } from '../ladder';
import { filterValues, isQueueColumnId, NONE, withChosenOptions, type FilterOption as Option, type QueueFeatures } from './queue-model';
import { ESCALATION_FILTER_VALUES, MINE } from './queue-url';

/** Several values come only from a link (a wall tile); the select shows them as one entry. */
const SEVERAL = '__several';

function filterValueOf(column: Column<QueueFeatures, ItemDto>): string {
  const values = filterValues(column.getFilterValue());
  return values.length > 1 ? SEVERAL : (values[0] ?? '');
}

/** One select per filterable column, laid out on the same grid as the header above it. */
export function QueueFilters(props: { table: SolidTable<QueueFeatures, ItemDto> }) {
  const { t } = useI18n();
  const me = useMe();
  const dir = useDirectory();
  const notSet = (): Option => ({ value: NONE, label: `(${t('common.notSet')})` });
  const collator = new Intl.Collator('ru');

  const optionsFor = (columnId: string): Option[] | null => {
    switch (columnId) {
      case 'kind':
        return ITEM_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }));
      case 'channel':
        return CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }));
      case 'sector':
        return [...SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) })), notSet()];
      case 'category': {
        // With a sector chosen, only its categories make sense.
        const sector = props.table.getColumn('sector')?.getFilterValue();
        const list = dir.categories().filter((c) => !sector || sector === NONE || c.sector === sector);
        return [...list.map((c) => ({ value: String(c.id), label: c.name })), notSet()];
      }
      case 'territory':
        return [
          ...dir.territories().map((tr) => ({ value: String(tr.id), label: dir.territoryName(tr.id) ?? tr.code })),
          notSet(),
        ];
      case 'status':
        return ITEM_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));
      case 'risk':
        return [...RISK_STATES.map((r) => ({ value: r, label: t(`item.risk.${r}`) })), { value: NONE, label: `(${t('queue.noDeadline')})` }];
      case 'escalation':
        // Offered to everyone, so a shared view «Эскалировано мне» never shows a blank select.
        return ESCALATION_FILTER_VALUES.map((v) => ({
          value: v,
          label: v === MINE ? t('queue.escalatedToMe') : t(`level.${v as EscalationLevel}`),
        }));
      case 'assignee': {
        const others = dir
          .users()
          .filter((u) => u.id !== me.id)
          .map((u) => ({ value: String(u.id), label: u.name }))
          .sort((a, b) => collator.compare(a.label, b.label));
        // "me", not the person's id: the address and a saved view made from it then mean whoever looks.
        return [{ value: MINE, label: t('queue.mine') }, { value: NONE, label: t('queue.unassigned') }, ...others];
      }
      default:
        return null;
    }
  };

  /** A chosen value the list lacks still gets its name (see withChosenOptions). */
  const labelOf = (columnId: string, value: string): string | undefined => {
    const id = Number(value);
    switch (columnId) {
      case 'category':
        return dir.categoryName(id) ?? undefined;
      case 'territory':
        return dir.territoryName(id) ?? undefined;
      case 'assignee':
        return dir.users().find((u) => u.id === id)?.name;
      default:
        return undefined;
    }
  };
  // Only the steps above the operators are anyone's to be escalated to (as on the wall).
  const onNoStep = () => !ESCALATION_LEVELS.some((l) => standsOnStep(me, l, null));

  const FilterSelect = (p: { column: Column<QueueFeatures, ItemDto>; options: Option[] }) => {
    const chosen = () => filterValues(p.column.getFilterValue());
    const options = () => withChosenOptions(p.options, chosen(), (v) => labelOf(p.column.id, v));
    const several = () => {
      const values = chosen();
      if (values.length < 2) return null;
      return values.map((v) => options().find((o) => o.value === v)?.label ?? v).join(', ');
    };
    const hint = () =>
      p.column.id === 'escalation' && chosen().includes(MINE) && onNoStep() ? t('queue.escalatedToMeNone') : undefined;
    let select: HTMLSelectElement | undefined;
    // Options re-render when the directory arrives; the chosen one must stay shown, not fall back to «Все».
    createEffect(() => {
      const value = filterValueOf(p.column);
      options();
      if (select) select.value = value;
    });
    return (
      <select
        ref={select}
        class="filter"
        data-testid={`filter-${p.column.id}`}
        aria-label={isQueueColumnId(p.column.id) ? t(`queue.col.${p.column.id}`) : p.column.id}
        title={several() ?? hint()}
        value={filterValueOf(p.column)}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (value !== SEVERAL) p.column.setFilterValue(value || undefined);
        }}
      >
        <option value="">{t('common.all')}</option>
        <Show when={several()}>{(label) => <option value={SEVERAL}>{label()}</option>}</Show>
        <For each={options()}>{(o) => <option value={o.value}>{o.label}</option>}</For>
      </select>
    );
  };

  return (
    <div class="qt-row qt-filters" role="row">
      <For each={props.table.getAllLeafColumns()}>
        {(column) => (
          <div class={`qt-cell col-${column.id}`}>
            <Show when={optionsFor(column.id)}>{(options) => <FilterSelect column={column} options={options()} />}</Show>
          </div>
        )}
      </For>
    </div>
  );
}
