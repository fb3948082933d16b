export * from './domain/enums.js';
export * from './domain/lifecycle.js';
export * from './domain/access.js';
export * from './contract/errors.js';
export * from './contract/items.js';
export * from './contract/events.js';
export * from './domain/deadlines/index.js';
