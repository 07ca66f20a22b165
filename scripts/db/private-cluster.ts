// A private PostgreSQL + PostGIS cluster for the tests and the benchmark: initdb in a temporary
// directory, the server listening only on a Unix socket in that directory (on a free port number,
// which names the socket), readiness polled with pg_isready, everything removed on stop().
// PostgreSQL refuses to run as root: as root the server runs as the `postgres` user of the Debian
// package (or a system user created for it). Missing binaries are an error naming the packages
// to install, never a skip: `.ci/run` installs them.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const INSTALL_HINT =
  'PostgreSQL with PostGIS is needed: on Debian/Ubuntu `apt-get install postgresql postgresql-postgis` ' +
  '(for PostgreSQL 15: postgresql-15-postgis-3); .ci/run installs them';

export interface PrivateCluster {
  /** Connection URL of the cluster's `vy` database (PostGIS created in it), over the Unix socket. */
  url: string;
  /** URL of another database of the cluster (created on demand with PostGIS). */
  database(name: string): Promise<string>;
  socketDir: string;
  port: number;
  stop(): void;
}

/** The newest /usr/lib/postgresql/<major>/bin with initdb, pg_ctl and pg_isready, and a PostGIS extension. */
export function findPostgres(root = '/usr/lib/postgresql', share = '/usr/share/postgresql'): { bin: string; major: number } {
  const majors = existsSync(root) ? readdirSync(root).map(Number).filter((n) => Number.isInteger(n)).sort((a, b) => b - a) : [];
  for (const major of majors) {
    const bin = join(root, String(major), 'bin');
    if (!['initdb', 'pg_ctl', 'pg_isready', 'postgres'].every((b) => existsSync(join(bin, b)))) continue;
    if (!existsSync(`${share}/${major}/extension/postgis.control`)) {
      throw new Error(`PostgreSQL ${major} has no PostGIS extension (${share}/${major}/extension/postgis.control missing). ${INSTALL_HINT}`);
    }
    return { bin, major };
  }
  throw new Error(`no PostgreSQL server binaries under ${root}/*/bin. ${INSTALL_HINT}`);
}

/** A port number nobody listens on right now (it names the socket file; TCP stays off). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** The OS user the server runs as: ourselves, or (as root) `postgres`, created when missing. */
function serverUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  const has = (u: string) => spawnSync('id', ['-u', u], { stdio: 'ignore' }).status === 0;
  if (has('postgres')) return 'postgres';
  if (!has('vy-postgres')) execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'vy-postgres']);
  return 'vy-postgres';
}

function uidGid(user: string): [number, number] {
  return [Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim()), Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim())];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startPrivateCluster(opts: { readyTimeoutMs?: number; log?: (line: string) => void } = {}): Promise<PrivateCluster> {
  const { bin } = findPostgres();
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'vy-pg-'));
  const data = join(dir, 'data');
  const socketDir = join(dir, 'sock');
  mkdirSync(socketDir);
  if (user) {
    const [uid, gid] = uidGid(user);
    chmodSync(dir, 0o755);
    chownSync(dir, uid, gid);
    chownSync(socketDir, uid, gid);
  }
  // Run a server binary as the server user (runuser when we are root).
  const as = (cmd: string, args: string[]) => {
    const file = join(bin, cmd);
    const r = user ? spawnSync('runuser', ['-u', user, '--', file, ...args], { encoding: 'utf8' }) : spawnSync(file, args, { encoding: 'utf8' });
    return r;
  };
  const port = await freePort();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    as('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-s']);
    rmSync(dir, { recursive: true, force: true });
  };
  // A host that exits without calling stop() (an uncaught error, process.exit) still removes it.
  process.once('exit', stop);
  try {
    const init = as('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    if (init.status !== 0) throw new Error(`initdb failed: ${(init.stderr || init.stdout).trim().split('\n').slice(-3).join(' | ')}`);
    // Socket only (listen_addresses ''): nothing reachable from outside this machine, no TCP port clash.
    const server = ['-c', `port=${port}`, '-c', `unix_socket_directories=${socketDir}`, '-c', "listen_addresses=''", '-c', 'fsync=off',
      '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'shared_buffers=256MB', '-c', 'work_mem=64MB', '-c', 'max_connections=20'];
    const start = as('pg_ctl', ['start', '-D', data, '-l', join(dir, 'server.log'), '-W', '-s', '-o', server.map((a) => (a.startsWith('-') ? a : `'${a}'`)).join(' ')]);
    if (start.status !== 0) throw new Error(`pg_ctl start failed: ${(start.stderr || start.stdout).trim()}`);
    // Readiness by polling, with a generous ceiling (a busy 2-core machine can take a while).
    const ceiling = Date.now() + (opts.readyTimeoutMs ?? 60_000);
    for (;;) {
      const r = spawnSync(join(bin, 'pg_isready'), ['-h', socketDir, '-p', String(port), '-U', 'postgres', '-q']);
      if (r.status === 0) break;
      if (Date.now() > ceiling) throw new Error(`PostgreSQL did not become ready within ${opts.readyTimeoutMs ?? 60_000} ms (log: ${join(dir, 'server.log')})`);
      await sleep(100);
    }
    const urlOf = (db: string) => `postgresql://postgres@/${db}?host=${encodeURIComponent(socketDir)}&port=${port}`;
    const psql = (db: string, sql: string) => {
      const r = spawnSync(join(bin, 'psql'), ['-h', socketDir, '-p', String(port), '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`psql: ${r.stderr.trim()}`);
    };
    const made = new Set<string>();
    const database = async (name: string) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      if (!made.has(name)) {
        psql('postgres', `CREATE DATABASE ${name}`);
        psql(name, 'CREATE EXTENSION postgis');
        made.add(name);
      }
      return urlOf(name);
    };
    const url = await database('vy');
    opts.log?.(`private PostgreSQL cluster ready: ${socketDir} port ${port}`);
    return { url, database, socketDir, port, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
