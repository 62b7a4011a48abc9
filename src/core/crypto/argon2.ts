// Where Argon2id runs. By default in the calling thread (Node tests, the service worker);
// the page switches to a dedicated Worker (see argon2-worker-runner.ts) so the ~200 ms
// derivation never blocks the main thread — a quick exit pressed while unlocking must
// still paint the disguise in the next frame.
import { argon2id } from 'hash-wasm';

export interface Argon2Request {
  password: Uint8Array;
  salt: Uint8Array;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  hashLength: number;
}

export type Argon2Runner = (request: Argon2Request) => Promise<Uint8Array>;

export const argon2InThisThread: Argon2Runner = (r) =>
  argon2id({
    password: r.password,
    salt: r.salt,
    parallelism: r.parallelism,
    iterations: r.iterations,
    memorySize: r.memoryKiB,
    hashLength: r.hashLength,
    outputType: 'binary',
  });

let runner: Argon2Runner = argon2InThisThread;

export function setArgon2Runner(next: Argon2Runner): void {
  runner = next;
}

export function runArgon2id(request: Argon2Request): Promise<Uint8Array> {
  return runner(request);
}
