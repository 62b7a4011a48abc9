import './ui/base.css';
import { boot } from './app/boot';

boot();

// A build label set at build time (the update test builds two versions to see the update
// control; deployments may use it to tell versions apart). Empty in ordinary builds.
if (import.meta.env.VITE_BUILD_ID)
  document.documentElement.dataset.build = import.meta.env.VITE_BUILD_ID;

// Measurement hooks exist only in the benchmark's build (statically false otherwise, so
// the bundler drops the imports). They load well after the first paint, so the start-up
// figures measure what a production build loads.
if (import.meta.env.VITE_BENCH_HOOKS === '1') {
  window.addEventListener('load', () =>
    setTimeout(() => {
      void import('./bench/core');
      void import('./bench/sync');
    }, 500),
  );
}
