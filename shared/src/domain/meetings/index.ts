export * from './vocabulary.js';
export * from './composition.js';
export * from './tally.js';
export * from './integrity.js';
export * from './protocol.js';
export * from './replica.js';
