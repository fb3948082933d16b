import type { WallTile as WallTileDto } from '@okno/shared';
import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { useI18n } from '../../i18n/i18n';
import { TrendChart } from './TrendChart';
import { sum, tileLink, type SectorKey, type TileCount } from './wall-model';

/** What needs the head first comes first: late items and what climbed to them, then the flow. */
const COUNTS: readonly { count: TileCount; testid: string; key: 'new' | 'inWork' | 'atRisk' | 'overdue' | 'escalated' }[] = [
  { count: 'atRisk', testid: 'wall-tile-atrisk', key: 'atRisk' },
  { count: 'overdue', testid: 'wall-tile-overdue', key: 'overdue' },
  { count: 'escalatedToMe', testid: 'wall-tile-escalated', key: 'escalated' },
  { count: 'new', testid: 'wall-tile-new', key: 'new' },
  { count: 'inWork', testid: 'wall-tile-inwork', key: 'inWork' },
];

/**
 * One sector's live counts, each a link to the queue filtered the same way, and its last day's
 * trend. Mounted once per sector: fresh counts flow through `tile` without rebuilding the chart.
 */
export function WallTile(props: { sector: SectorKey; tile: WallTileDto; trendStart: string; showEscalated: boolean }) {
  const { t } = useI18n();
  const name = () => (props.sector ? t(`sector.${props.sector}`) : t('wall.noSector'));
  const counts = () => COUNTS.filter((c) => c.count !== 'escalatedToMe' || props.showEscalated);
  const late = () => props.tile.overdue > 0;
  return (
    <section
      class="wall-tile"
      classList={{ 'has-overdue': late(), 'has-atrisk': !late() && props.tile.atRisk > 0 }}
      data-testid="wall-tile"
      data-sector={props.sector ?? 'none'}
      aria-label={name()}
    >
      <h2 class="wall-tile-name">{name()}</h2>
      <div class="wall-counts">
        <For each={counts()}>
          {(c) => (
            <A
              href={tileLink(props.sector, c.count)}
              class={`wall-count wall-count-${c.count}`}
              classList={{ zero: props.tile[c.count] === 0 }}
              data-testid={c.testid}
              data-count={props.tile[c.count]}
            >
              <span class="wall-count-n">{props.tile[c.count]}</span>
              <span class="wall-count-label">{t(`wall.count.${c.key}`)}</span>
            </A>
          )}
        </For>
      </div>
      <TrendChart
        trendStart={props.trendStart}
        arrived={props.tile.arrived}
        closed={props.tile.closed}
        labels={{ arrived: t('wall.arrived'), closed: t('wall.closed') }}
      />
      <p class="wall-trend-caption">
        <span class="muted">{t('wall.last24h')}</span>
        <span>
          <span class="swatch swatch-arrived" aria-hidden="true" />
          {t('wall.arrived')} <b>{sum(props.tile.arrived)}</b>
        </span>
        <span>
          <span class="swatch swatch-closed" aria-hidden="true" />
          {t('wall.closed')} <b>{sum(props.tile.closed)}</b>
        </span>
      </p>
    </section>
  );
}
