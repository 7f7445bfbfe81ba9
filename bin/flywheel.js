#!/usr/bin/env node
// `npx flywheel <command> ...`: runs Flywheel's own TypeScript (the same ingest and review code
// the app uses) in Node through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
