// Argument helpers shared by the geodata CLIs (scripts/build-*.ts, scripts/prepare-reference.ts).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in scripts/geodata/). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Value following `--name` in argv, or null when absent. */
export function argValue(argv: readonly string[], name: string): string | null {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : null;
}
