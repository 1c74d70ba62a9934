/**
 * Start something once the console has answered and gone quiet: `quietMs`
 * after the latest answer, and at the latest `latestMs` after opening even if
 * nobody asks (a desktop console with its window closed still needs its
 * monitor). Work that scales with the database — the monitor's catch-up, the
 * integrity check, the daily backup — waits for this, so the first pages a
 * user opens are never queued behind it.
 */
export interface QuietStart {
  /** Tell it an answer went out: the start moves to `quietMs` from now (never past the latest). */
  answered(): void;
  cancel(): void;
  started: Promise<void>;
}

export function whenQuiet(start: () => void, opts: { quietMs: number; latestMs: number }): QuietStart {
  const deadline = Date.now() + opts.latestMs;
  let timer: NodeJS.Timeout | null = null;
  let done = false;
  let resolve!: () => void;
  const started = new Promise<void>((r) => (resolve = r));
  const arm = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, ms));
    timer.unref();
  };
  function fire() {
    if (done) return;
    done = true;
    timer = null;
    try {
      start();
    } finally {
      resolve();
    }
  }
  arm(opts.latestMs);
  return {
    answered() {
      if (!done) arm(Math.min(opts.quietMs, deadline - Date.now()));
    },
    cancel() {
      done = true;
      if (timer) clearTimeout(timer);
    },
    started,
  };
}
