#!/usr/bin/env node
// The installed package's one command. It makes this process what `node --import tsx <entry> <flags>`
// is in a clone, so the program runs here and a signal sent to this process reaches it (no wrapper):
// tsx resolved from this package (not from the user's project) and registered in this thread, then
// recorded in execArgv, which cluster workers, the --uv-threads relaunch and pool workers inherit.
const tsx = import.meta.resolve('tsx');
await import(tsx);
process.execArgv.push('--import', tsx);
await import('./main.ts');
