#!/usr/bin/env node
// The executable behind `npx marsad`: everything else is in main.ts, so tests can call main() directly.
import { main } from './main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
