/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' only in the benchmark's build: exposes measurement hooks on window. */
  readonly VITE_BENCH_HOOKS?: string;
}
