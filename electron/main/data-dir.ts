import path from 'node:path';

/**
 * Where the store lives: `--data-dir=<dir>` or `--data-dir <dir>` wins, then TEAMCHEF_DATA_DIR,
 * then Electron's userData folder (nothing to set up for the chief).
 */
export function resolveDataDir(argv: readonly string[], env: Record<string, string | undefined>, userData: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length));
    if (arg === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1]!);
  }
  if (env.TEAMCHEF_DATA_DIR) return path.resolve(env.TEAMCHEF_DATA_DIR);
  return userData;
}
