import {
  canWorkQueue,
  ITEM_STATUSES,
  nextStatuses,
  SECTORS,
  type ItemDto,
  type ItemStatus,
  type Sector,
} from '@okno/shared';
import { For, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useDirectory } from '../../directory/directory.store';
import { useConnection } from '../../realtime/connection';
import { ageLabel } from '../age';
import { useItems } from '../items.store';
import { DeadlineFields } from './DeadlineFields';

function isSector(value: string): value is Sector {
  return (SECTORS as readonly string[]).includes(value);
}
function isStatus(value: string): value is ItemStatus {
  return (ITEM_STATUSES as readonly string[]).includes(value);
}

/** The item's facts; sector, category and status are editable for those who work the queue. */
export function ItemFields(props: { item: ItemDto }) {
  const { t, formatDateTime } = useI18n();
  const me = useMe();
  const dir = useDirectory();
  const items = useItems();
  const clock = useConnection().clock;
  const canWork = () => canWorkQueue(me.roles);
  // A closed item's sector and category are part of its record: reopen it to change them.
  const editable = () => canWork() && props.item.status !== 'closed';
  const next = () => nextStatuses(props.item.status, me.roles);
  const none = () => <span class="muted">{t('common.none')}</span>;

  const changeSector = (value: string) => {
    if (isSector(value) && value !== props.item.sector) items.actions.categorise(props.item.id, value, null);
  };
  const changeCategory = (value: string) => {
    const sector = props.item.sector;
    if (!sector) return;
    const categoryId = value === '' ? null : Number(value);
    if (categoryId !== props.item.categoryId) items.actions.categorise(props.item.id, sector, categoryId);
  };
  const changeStatus = (select: HTMLSelectElement) => {
    const value = select.value;
    // The select shows the current status until the change is confirmed (or refused).
    select.value = props.item.status;
    if (isStatus(value) && value !== props.item.status) items.actions.setStatus(props.item.id, value);
  };

  return (
    <dl class="fields">
      <dt>{t('item.source')}</dt>
      <dd>
        {t(`channel.${props.item.channel}`)}
        <Show when={props.item.source}> · {props.item.source}</Show>
        <Show when={props.item.link}>
          {(link) => (
            <>
              {' · '}
              <a href={link()} target="_blank" rel="noopener noreferrer">
                {t('item.link')}
              </a>
            </>
          )}
        </Show>
      </dd>
      <dt>{t('item.author')}</dt>
      <dd>{props.item.authorName ?? none()}</dd>
      <dt>{t('item.kind')}</dt>
      <dd>{t(`kind.${props.item.kind}`)}</dd>
      <dt>{t('item.received')}</dt>
      <dd title={formatDateTime(props.item.receivedAt)}>
        {formatDateTime(props.item.receivedAt)} <span class="muted">({ageLabel(t, props.item.receivedAt, clock())})</span>
      </dd>
      <DeadlineFields item={props.item} />
      <dt>{t('item.address')}</dt>
      <dd>{props.item.address ?? none()}</dd>
      <dt>{t('item.territory')}</dt>
      <dd>{dir.territoryName(props.item.territoryId) ?? none()}</dd>
      <dt>{t('item.sector')}</dt>
      <dd>
        <select
          data-testid="sector-select"
          disabled={!editable()}
          value={props.item.sector ?? ''}
          onChange={(e) => changeSector(e.currentTarget.value)}
        >
          <option value="" disabled>
            {t('common.notSet')}
          </option>
          <For each={SECTORS}>{(s) => <option value={s}>{t(`sector.${s}`)}</option>}</For>
        </select>
      </dd>
      <dt>{t('item.category')}</dt>
      <dd>
        <select
          data-testid="category-select"
          disabled={!editable() || !props.item.sector}
          value={props.item.categoryId === null ? '' : String(props.item.categoryId)}
          onChange={(e) => changeCategory(e.currentTarget.value)}
        >
          <option value="">{t('common.notSet')}</option>
          {/* `selected` too: the directory may arrive after the select got its value. */}
          <For each={dir.categoriesOf(props.item.sector)}>
            {(c) => (
              <option value={String(c.id)} selected={c.id === props.item.categoryId}>
                {c.name}
              </option>
            )}
          </For>
        </select>
      </dd>
      <dt>{t('item.status')}</dt>
      <dd class="status-field">
        <span class={`badge status-${props.item.status}`} data-testid="item-status" data-status={props.item.status}>
          {t(`status.${props.item.status}`)}
        </span>
        <Show when={next().length > 0}>
          {/* Rebuilt per status: a select's value set before its options change would find no match. */}
          <Show when={props.item.status} keyed>
            {(status) => (
              <select data-testid="status-select" aria-label={t('item.status')} value={status} onChange={(e) => changeStatus(e.currentTarget)}>
                <option value={status}>{t('item.changeStatus')}</option>
                <For each={next()}>{(s) => <option value={s}>{t(`status.${s}`)}</option>}</For>
              </select>
            )}
          </Show>
        </Show>
      </dd>
      <dt>{t('item.assignee')}</dt>
      <dd data-testid="item-assignee">{props.item.assignee?.name ?? none()}</dd>
      <dt>{t('item.escalation')}</dt>
      <dd data-testid="item-escalation" data-level={props.item.escalationLevel}>
        {t(`level.${props.item.escalationLevel}`)}
      </dd>
    </dl>
  );
}
