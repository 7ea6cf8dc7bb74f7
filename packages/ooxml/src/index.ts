export * from './zip-entries.js';
