// `npm run coverage -- --units FILE --plans FILE [...]`: the app's coverage engine from a shell.
// Thin Node wrapper: parsing, validation, the run and formatting live in src/coverage/cli-core.ts
// (runCoverageCli, unit-tested in-process). Exit codes: 0 ok, 2 bad arguments or input files
// (one line on stderr), 1 unexpected failure.
import { readFileSync } from 'node:fs';
import { runCoverageCli } from '../src/coverage/cli-core.ts';

const r = runCoverageCli(process.argv.slice(2), { readText: (file) => readFileSync(file, 'utf8') });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.code;
