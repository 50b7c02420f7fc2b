// Argument handling shared by the command-line tools (npm run extract, npm run convert): node:util's
// parseArgs, --help, exactly one file, and a usage message with exit code 2 on a mistake.
import { parseArgs } from 'node:util';

/**
 * `{ values, file, fail }` for `name`'s arguments. `options` as for parseArgs (`--help`/`-h` is added);
 * `what` names the one positional argument in the error when there is not exactly one.
 */
export function readCommandLine(name, usage, options, what) {
  const fail = (message) => {
    console.error(`${name}: ${message}\n${usage}`);
    process.exit(2);
  };
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    fail(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (positionals.length !== 1) fail(`give exactly one ${what}`);
  return { values, file: positionals[0], fail };
}
