import type { WallDto } from '@okno/shared';
import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../directory/directory.store';
import { cellLink, heatOf, matrixLayout, type SectorKey, type TerritoryKey } from './wall-model';

const collator = new Intl.Collator('ru');

/** Sectors × territories, each cell coloured by its overdue and at-risk counts and linked to those items. */
export function WallMatrix(props: { wall: WallDto }) {
  const { t } = useI18n();
  const dir = useDirectory();
  const territoryIds = createMemo(() =>
    [...dir.territories()]
      .sort((a, b) => collator.compare(dir.territoryName(a.id) ?? '', dir.territoryName(b.id) ?? ''))
      .map((tr) => tr.id),
  );
  const layout = createMemo(() => matrixLayout(props.wall, territoryIds()));
  // Rows and columns are keyed by sector and territory, so cells survive refetches.
  const sectors = createMemo(() => layout().sectors, undefined, { equals: sameList });
  const territories = createMemo(() => layout().territories, undefined, { equals: sameList });
  const sectorName = (s: SectorKey) => (s ? t(`sector.${s}`) : t('wall.noSector'));
  const territoryName = (id: TerritoryKey) => (id === null ? t('wall.noTerritory') : (dir.territoryName(id) ?? `#${id}`));

  return (
    <section class="wall-matrix-box" aria-labelledby="wall-matrix-title">
      <h2 id="wall-matrix-title" class="wall-section-title">
        {t('wall.matrix')} <span class="muted wall-legend">({t('wall.matrixLegend')})</span>
      </h2>
      <div class="wall-matrix-scroll">
        <table class="wall-matrix" data-testid="wall-matrix">
          <thead>
            <tr>
              <th scope="col">{t('wall.sector')}</th>
              <For each={territories()}>
                {(id) => (
                  <th scope="col" class="wall-matrix-territory" title={territoryName(id)}>
                    {/* A city's districts share its name: the district goes on a line of its own. */}
                    <Show when={id !== null && dir.territories().find((tr) => tr.id === id)} fallback={territoryName(id)}>
                      {(tr) => (
                        <>
                          <small>{tr().district ? tr().municipality : ''}</small>
                          {tr().district ?? tr().municipality}
                        </>
                      )}
                    </Show>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={sectors()}>
              {(sector) => (
                <tr>
                  <th scope="row">{sectorName(sector)}</th>
                  <For each={territories()}>
                    {(territory) => {
                      const cell = () => layout().cell(sector, territory);
                      const heat = () => heatOf(cell(), layout().max);
                      const title = () => t('wall.cellTitle', `${sectorName(sector)} · ${territoryName(territory)}`, cell().overdue, cell().atRisk);
                      return (
                        <td
                          class={`wall-cell heat-${heat().kind} heat-${heat().level}`}
                          data-testid="wall-cell"
                          data-sector={sector ?? 'none'}
                          data-territory={territory ?? 'none'}
                          data-atrisk={cell().atRisk}
                          data-overdue={cell().overdue}
                          title={title()}
                        >
                          <Show when={heat().kind !== 'none'}>
                            <A href={cellLink(sector, territory)} aria-label={title()}>
                              <span class="cell-overdue">{cell().overdue}</span>
                              <span class="cell-sep">/</span>
                              <span class="cell-atrisk">{cell().atRisk}</span>
                            </A>
                          </Show>
                        </td>
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
