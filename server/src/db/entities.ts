import { Session, User } from '../features/auth/user.entity.js';
import { DEADLINE_SETTINGS_ENTITIES } from '../features/deadlines/settings.entity.js';
import { Category, Department, Territory } from '../features/directory/directory.entity.js';
import { EventRow, MutationRecord } from '../features/events/event.entity.js';
import { Source } from '../features/ingest/source.entity.js';
import { Comment, Item } from '../features/items/item.entity.js';
import { MEETING_ENTITIES } from '../features/meetings/entities.js';
import { Notification } from '../features/notifications/notification.entity.js';

export const ENTITIES = [User, Session, Department, Territory, Category, Source, Item, Comment, EventRow, MutationRecord, ...MEETING_ENTITIES, ...DEADLINE_SETTINGS_ENTITIES, Notification];
