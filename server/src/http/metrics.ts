import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  mutations: Counter<'action' | 'outcome'>;
  eventsPublished: Counter;
  sockets: Gauge;
}

/** Prometheus metrics of one node, served at /metrics. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'okno_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    mutations: new Counter({
      name: 'okno_mutations_total',
      help: 'Item mutations by action and outcome',
      labelNames: ['action', 'outcome'],
      registers: [registry],
    }),
    eventsPublished: new Counter({ name: 'okno_events_published_total', help: 'Events published to sockets', registers: [registry] }),
    sockets: new Gauge({ name: 'okno_sockets_connected', help: 'Sockets connected to this node', registers: [registry] }),
  };
}
