import { Session, User } from '../features/auth/user.entity.js';
import { ANSWER_ENTITIES } from '../features/answers/entities.js';
import { CLOSING_ENTITIES } from '../features/closing/entities.js';
import { COLLAB_ENTITIES } from '../features/collab/entities.js';
import { DEADLINE_SETTINGS_ENTITIES } from '../features/deadlines/settings.entity.js';
import { Category, Department, Territory } from '../features/directory/directory.entity.js';
import { EventRow, MutationRecord } from '../features/events/event.entity.js';
import { IMPORT_ENTITIES } from '../features/import/entities.js';
import { Source } from '../features/ingest/source.entity.js';
import { Comment, Item } from '../features/items/item.entity.js';
import { MEETING_ENTITIES } from '../features/meetings/entities.js';
import { Notification } from '../features/notifications/notification.entity.js';
import { ROUTING_ENTITIES } from '../features/routing/entities.js';

export const ENTITIES = [
  User,
  Session,
  Department,
  Territory,
  Category,
  Source,
  Item,
  Comment,
  EventRow,
  MutationRecord,
  ...MEETING_ENTITIES,
  ...DEADLINE_SETTINGS_ENTITIES,
  Notification,
  ...ROUTING_ENTITIES,
  ...ANSWER_ENTITIES,
  ...CLOSING_ENTITIES,
  ...COLLAB_ENTITIES,
  ...IMPORT_ENTITIES,
];
