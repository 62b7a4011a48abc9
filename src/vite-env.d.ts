/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' only in the benchmark's build: exposes measurement hooks on window. */
  readonly VITE_BENCH_HOOKS?: string;
  /** Optional build label, shown nowhere; see main.tsx. */
  readonly VITE_BUILD_ID?: string;
}
