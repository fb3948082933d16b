import type { ItemEvent } from '@okno/shared';
import { previousDepartmentOf } from '../features/events/event-log.js';
import type { EventPublisher } from '../features/events/mutation-runner.js';
import { maskItem } from '../features/items/item.dto.js';
import type { Metrics } from '../http/metrics.js';
import { ROOMS, type OknoServer } from './types.js';

/**
 * Sends committed events to the rooms allowed to see them. With the Redis adapter the
 * emit reaches every node; a lost message is recovered by clients through `sync`. An event that
 * took an item away from a department (re-routing) also goes to that department's room: it
 * carries the item with its new department, and the executors' replicas drop it.
 */
export function socketPublisher(io: () => OknoServer | null, metrics: Metrics): EventPublisher {
  return {
    publish(events: ItemEvent[]) {
      const server = io();
      if (!server) return;
      for (const event of events) {
        const rooms: string[] = [ROOMS.allItems];
        if (event.item.departmentId != null) rooms.push(ROOMS.department(event.item.departmentId));
        const previous = previousDepartmentOf(event);
        if (previous != null) rooms.push(ROOMS.department(previous));
        server.to(rooms).emit('item:event', event);
        server.to(ROOMS.maskedItems).emit('item:event', { ...event, item: maskItem(event.item) });
      }
      metrics.eventsPublished.inc(events.length);
    },
  };
}
