// The configuration for a command-line entry: read through src/config.ts like the server's, or
// the reason it is invalid and exit code 78 (EX_CONFIG).
import { ConfigError, loadConfig, type Config } from '../src/config.ts';

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error((err as Error).message);
    process.exit(78);
  }
}
