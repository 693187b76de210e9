/**
 * Child processes for the benchmark: the real server (`dist/server.js`) and the bare baseline,
 * each in its own process so neither shares an event loop with autocannon. Every process started
 * here is killed when the benchmark exits, whatever the reason.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const SERVER_ENTRY = path.join(REPO_ROOT, 'dist', 'server.js');
export const BARE_SERVER_ENTRY = path.join(BENCH_DIR, 'bare-server.mjs');

export interface ProcessMemory {
  /** Peak resident set size (VmHWM), in bytes: since the last resetPeakMemory() for a ServerProcess. */
  peakRssBytes: number;
  /** Current resident set size (VmRSS), in bytes. */
  rssBytes: number;
  /** For a ServerProcess: the peak over its whole life, across resets. */
  lifetimePeakRssBytes?: number;
}

export interface ServerProcess {
  name: string;
  pid: number;
  /** http://host:port, without a trailing slash. */
  baseUrl: string;
  /** Set once the process has exited (crashed or killed from outside), with the tail of its output. */
  exitInfo(): { code: number | null; signal: NodeJS.Signals | null; output: string } | undefined;
  /** Reads /proc/<pid>/status; undefined where /proc is not available. */
  memory(): ProcessMemory | undefined;
  /**
   * Starts a new peak (VmHWM) from the current RSS, so the next memory() reports the peak of one
   * run; the lifetime peak is kept. False where the kernel does not allow it (no /proc).
   */
  resetPeakMemory(): boolean;
  /** CPU time (user + system) used so far, in seconds; undefined where /proc is not available. */
  cpuSeconds(): number | undefined;
  /** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartServerOptions {
  /** A short label used in errors ("app", "bare"). */
  name: string;
  /** Arguments to `node` (the script first). */
  args: string[];
  /** Extra node flags placed before the script (e.g. --cpu-prof). */
  nodeFlags?: string[];
  env?: NodeJS.ProcessEnv;
  port: number;
  host?: string;
  /** Path polled until it answers 200. */
  readyPath?: string;
  readyTimeoutMs?: number;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Last resort: a child must never outlive the benchmark, even on an uncaught error. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
}

/** Kills every child still running (used by signal handlers and error paths). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** A port free right now on the host (the tiny race with another process is acceptable here). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

export function readProcessMemory(pid: number): ProcessMemory | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : Number.NaN;
  };
  return { peakRssBytes: kb('VmHWM'), rssBytes: kb('VmRSS') };
}

/** utime + stime of /proc/<pid>/stat, in seconds (USER_HZ is 100 on every Linux that matters here). */
export function readProcessCpuSeconds(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / 100 : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `node <args>` and resolves once `readyPath` answers 200 (rejects if the child dies first). */
export async function startServerProcess(options: StartServerOptions): Promise<ServerProcess> {
  installExitHook();
  const host = options.host ?? '127.0.0.1';
  const baseUrl = `http://${host}:${options.port}`;
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...options.args], {
    cwd: REPO_ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));

  // Keep the tail of the output for error messages; the pipes must be drained anyway.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  const readyUrl = `${baseUrl}${options.readyPath ?? '/'}`;
  for (;;) {
    if (spawnError) throw spawnError;
    if (exited) {
      throw new Error(
        `${options.name} server exited before answering ${readyUrl} (code ${exited.code}, signal ${exited.signal}):\n${output.trim()}`,
      );
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} server did not answer ${readyUrl} with 200 in time:\n${output.trim()}`);
    }
    try {
      const res = await fetch(readyUrl, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }

  const pid = child.pid!;
  let lifetimePeak = 0;
  const memory = (): ProcessMemory | undefined => {
    const m = readProcessMemory(pid);
    if (!m) return undefined;
    lifetimePeak = Math.max(lifetimePeak, m.peakRssBytes);
    return { ...m, lifetimePeakRssBytes: lifetimePeak };
  };
  return {
    name: options.name,
    pid,
    baseUrl,
    exitInfo: () => (exited ? { ...exited, output: output.trim() } : undefined),
    memory,
    resetPeakMemory: () => {
      memory();
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    cpuSeconds: () => readProcessCpuSeconds(pid),
    stop: (graceMs = 5000) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export interface AppServerOptions {
  /** Used in errors ("app", "app (uncached)"). */
  name?: string;
  dataDir: string;
  /** Set for PostgreSQL; SQLite in `dataDir` otherwise. */
  databaseUrl?: string;
  extraEnv?: Record<string, string>;
  nodeFlags?: string[];
}

/** The Node.js flags production runs the server with (package.json `config.node_flags`, used by `npm run serve`). */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { config?: { node_flags?: string } };
  return (pkg.config?.node_flags ?? '').split(/\s+/).filter(Boolean);
}

/**
 * The real server as built by `npm run build`, in production mode (with production's Node.js
 * flags), on its own free port. A
 * PAGE_CACHE_SECONDS of the shell is not passed on: the server's default applies unless `extraEnv`
 * sets it.
 */
export async function startAppServer(options: AppServerOptions): Promise<ServerProcess> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` first (or \`npm run bench\`).`);
  const port = await freePort();
  const { PAGE_CACHE_SECONDS: _ignored, ...inherited } = process.env;
  const started = startServerProcess({
    name: options.name ?? 'app',
    args: [SERVER_ENTRY],
    nodeFlags: [...productionNodeFlags(), ...(options.nodeFlags ?? [])],
    port,
    readyPath: '/healthz',
    env: {
      ...inherited,
      NODE_ENV: 'production',
      DATA_DIR: options.dataDir,
      // An empty value counts as unset for the server: SQLite unless a URL is given here.
      DATABASE_URL: options.databaseUrl ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: '',
      DEMO_CONTENT: 'never',
      LOG_LEVEL: 'warn',
      ...options.extraEnv,
    },
  });
  // The database is seeded through src/ (tsx) and served by dist/: a stale build disagrees on migrations.
  return started.catch((error: unknown) => {
    if (error instanceof Error && /migration/i.test(error.message)) {
      error.message += '\n(dist/ looks older than src/: run `npm run build` first, or use `npm run bench`)';
    }
    throw error;
  });
}

/** The bare node:http baseline answering `bytes` bytes to every request. */
export async function startBareServer(bytes: number, sample?: Buffer): Promise<ServerProcess> {
  const port = await freePort();
  const args = [BARE_SERVER_ENTRY, String(bytes), String(port), '127.0.0.1'];
  if (!sample) return startServerProcess({ name: 'bare', args, port, env: process.env });
  // The page's own bytes (see bare-server.mjs for why the content matters), read once at its start.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oe-bare-'));
  try {
    writeFileSync(path.join(dir, 'body'), sample.subarray(0, bytes));
    return await startServerProcess({ name: 'bare', args: [...args, path.join(dir, 'body')], port, env: process.env });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
