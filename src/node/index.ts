/**
 * Node entry point: the core plus what needs the file system (model loading).
 */
export * from '../core/index.js';
export * from './models.js';
