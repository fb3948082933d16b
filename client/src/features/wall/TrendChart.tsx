import { createEffect, on, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { trendData } from './wall-model';

interface Props {
  trendStart: string;
  arrived: readonly number[];
  closed: readonly number[];
  labels: { arrived: string; closed: string };
}

const HEIGHT_RATIO = 0.2;
const ARRIVED = '#3b82f6';
const ARRIVED_FILL = 'rgba(59, 130, 246, 0.6)';
const CLOSED = '#16a34a';

/**
 * A tile's last 24 hours: arrivals per hour as bars, closures as a step line. One uPlot instance for the tile's
 * life: new counts go through setData, a resize through setSize, and it is destroyed with the tile.
 */
export function TrendChart(props: Props) {
  let host: HTMLDivElement | undefined;
  let chart: uPlot | undefined;

  onMount(() => {
    if (!host) return;
    const width = Math.max(120, host.clientWidth);
    const opts: uPlot.Options = {
      width,
      height: Math.round(width * HEIGHT_RATIO),
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      padding: [4, 2, 2, 2],
      // Each x is the start of an hour: the axis runs to the end of the last one.
      scales: { x: { time: true, range: (_u, min, max) => [min, max + 3600] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [{ show: false }, { show: false }],
      series: [
        {},
        { label: props.labels.arrived, paths: uPlot.paths.bars?.({ size: [0.8, 64], align: 1 }), fill: ARRIVED_FILL, stroke: ARRIVED, width: 0, points: { show: false } },
        { label: props.labels.closed, paths: uPlot.paths.stepped?.({ align: 1 }), stroke: CLOSED, width: 2, points: { show: false } },
      ],
    };
    chart = new uPlot(opts, trendData(props.trendStart, props.arrived, props.closed), host);
    const resize = new ResizeObserver(() => {
      if (!host || !chart) return;
      const w = Math.max(120, host.clientWidth);
      if (w !== chart.width) chart.setSize({ width: w, height: Math.round(w * HEIGHT_RATIO) });
    });
    resize.observe(host);
    onCleanup(() => {
      resize.disconnect();
      chart?.destroy();
      chart = undefined;
    });
  });

  createEffect(
    on(
      () => [props.trendStart, props.arrived, props.closed] as const,
      ([start, arrived, closed]) => chart?.setData(trendData(start, arrived, closed)),
      { defer: true },
    ),
  );

  return <div class="trend" ref={host} role="img" aria-label={`${props.labels.arrived} / ${props.labels.closed}`} />;
}
