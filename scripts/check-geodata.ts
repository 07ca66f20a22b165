// npm run geodata:check [-- [--layer KIND] [--district FILE] FILE...]
// Thin Node wrapper: the checker's CLI lives in scripts/cli/check-geodata.ts (arguments in, exit
// code and output out; unit-tested in-process). Exits 0 when all is well, 1 on any error, 2 on misuse.
import { nodeCheckIo, runCheckCli } from './cli/check-geodata.ts';

const r = runCheckCli(process.argv.slice(2), nodeCheckIo(process.cwd()));
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.code;
