import { Session, User } from '../features/auth/user.entity.js';
import { Category, Department, Territory } from '../features/directory/directory.entity.js';
import { EventRow, MutationRecord } from '../features/events/event.entity.js';
import { Source } from '../features/ingest/source.entity.js';
import { Comment, Item } from '../features/items/item.entity.js';

export const ENTITIES = [User, Session, Department, Territory, Category, Source, Item, Comment, EventRow, MutationRecord];
