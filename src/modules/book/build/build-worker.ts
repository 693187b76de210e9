/**
 * Runs the book's builds in the background, on every instance: it looks for a waiting build every
 * few seconds (and at once when this instance queued one), claims it under a lease — one build
 * runs per book, whichever instance took it — and runs it. A process killed mid-build leaves its
 * lease to run out; the build is then claimed again (three times at most). A process that stops
 * (a deploy) hands its build back at the next step instead of holding the shutdown.
 */
import { claimBuild } from '../commands/claim-build.ts';
import { runBuild, type BuildServices } from './run-build.ts';

/** How long a build is leased between two progress reports, and how often idle instances look for one. */
export const BUILD_LEASE_MS = 60_000;
export const BUILD_POLL_MS = 3_000;

/** Runs the waiting builds one after the other, in this process (`one`: the next only); returns how many ran. */
export async function runQueuedBuilds(services: BuildServices, options: { buildId?: number; one?: boolean } = {}): Promise<number> {
  let n = 0;
  for (;;) {
    const now = services.now();
    if (services.signal?.aborted) return n;
    const claimed = await claimBuild({ db: services.db, actor: null, now }, { leaseUntil: new Date(now.getTime() + services.leaseMs), ...(options.buildId !== undefined ? { buildId: options.buildId } : {}) });
    if (!claimed) return n;
    await runBuild(services, claimed);
    n += 1;
    if (options.buildId !== undefined || options.one) return n;
  }
}

export class BookBuildWorker {
  private loop: Promise<void> | null = null;
  private stopped = false;
  /** Aborted by `stop()`: a running build hands itself back instead of holding the shutdown. */
  private abort = new AbortController();
  /** Ends the current wait at once (a build was queued here, or the process stops). */
  private wake: (() => void) | null = null;

  constructor(
    private readonly services: Omit<BuildServices, 'onProgress'>,
    private readonly options: { pollMs: number; log: { error(obj: object, msg: string): void } },
  ) {}

  start(): void {
    this.stopped = false;
    if (this.abort.signal.aborted) this.abort = new AbortController();
    this.loop ??= this.run();
  }

  /** A build was just queued here: look now rather than at the next poll. */
  kick(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        while (!this.stopped && (await runQueuedBuilds({ ...this.services, signal: this.abort.signal }, { one: true })) > 0);
      } catch (error) {
        this.options.log.error({ err: error }, 'book builds: cannot claim a build');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs);
        timer.unref();
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}
