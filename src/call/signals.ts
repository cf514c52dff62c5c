/**
 * One call's cancellation: the caller's signal and the call's time limit combined into one signal, with
 * a cleanup that removes the timer and the listener so nothing keeps the process alive.
 */
export interface CallSignal {
  readonly signal: AbortSignal;
  /** True once the time limit, not the caller, ended the call. */
  timedOut(): boolean;
  /** True once the caller's signal aborted. */
  aborted(): boolean;
  /** Clears the timer and detaches from the caller's signal. Safe to call more than once. */
  dispose(): void;
}

/** Combines the caller's optional signal with a `timeoutMs` deadline. */
export function createCallSignal(timeoutMs: number, callerSignal?: AbortSignal): CallSignal {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The call timed out', 'TimeoutError'));
  }, timeoutMs);
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    aborted: () => callerSignal?.aborted === true && !timedOut,
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/**
 * Waits `ms`, or rejects with the signal's reason as soon as it aborts. Leaves no timer behind, and without
 * a signal adds no listener anywhere (a shared signal would collect one per concurrent wait).
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise((resolve) => setTimeout(resolve, ms));
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
