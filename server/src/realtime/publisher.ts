import type { ItemEvent } from '@okno/shared';
import type { EventPublisher } from '../features/events/mutation-runner.js';
import { maskItem } from '../features/items/item.dto.js';
import type { Metrics } from '../http/metrics.js';
import { ROOMS, type OknoServer } from './types.js';

/**
 * Sends committed events to the rooms allowed to see them. With the Redis adapter the
 * emit reaches every node; a lost message is recovered by clients through `sync`.
 */
export function socketPublisher(io: () => OknoServer | null, metrics: Metrics): EventPublisher {
  return {
    publish(events: ItemEvent[]) {
      const server = io();
      if (!server) return;
      for (const event of events) {
        const full = event.item.departmentId != null
          ? server.to(ROOMS.allItems).to(ROOMS.department(event.item.departmentId))
          : server.to(ROOMS.allItems);
        full.emit('item:event', event);
        server.to(ROOMS.maskedItems).emit('item:event', { ...event, item: maskItem(event.item) });
      }
      metrics.eventsPublished.inc(events.length);
    },
  };
}
