/**
 * Marsad's isomorphic core: runs in Node and in the browser (no fs, net or database here).
 */
export * from './document.js';
export * from './errors.js';
export * from './pipeline.js';
export type * from './model/manifest.js';
