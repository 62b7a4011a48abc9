// The page's Argon2id runner: one long-lived dedicated worker, started early so its wasm is
// compiled before the first unlock. Falls back to the calling thread if workers fail.
import { type Argon2Runner, argon2InThisThread, setArgon2Runner } from './argon2';

export function startArgon2Worker(): void {
  if (typeof Worker === 'undefined') return;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./argon2.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return;
  }
  let next = 0;
  const pending = new Map<
    number,
    { resolve: (h: Uint8Array) => void; reject: (e: Error) => void }
  >();
  let broken = false;
  worker.addEventListener('message', (event: MessageEvent<{ id: number; hash?: Uint8Array }>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!waiting) return;
    if (event.data.hash) waiting.resolve(event.data.hash);
    else waiting.reject(new Error('argon2 failed'));
  });
  worker.addEventListener('error', () => {
    broken = true;
    for (const waiting of pending.values()) waiting.reject(new Error('argon2 worker failed'));
    pending.clear();
  });
  const runner: Argon2Runner = (request) => {
    if (broken) return argon2InThisThread(request);
    const id = next++;
    return new Promise<Uint8Array>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      // A copy goes to the worker (which wipes it); the caller wipes its own.
      worker.postMessage({ id, request: { ...request, password: request.password.slice() } });
    }).catch(() => argon2InThisThread(request));
  };
  setArgon2Runner(runner);
}
