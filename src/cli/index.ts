// The CLI entry: registers every subcommand, then runs.
import { run } from './main.js';

process.exitCode = await run(process.argv.slice(2));
