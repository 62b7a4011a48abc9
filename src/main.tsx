import './ui/base.css';
import { boot } from './app/boot';

boot();

// Measurement hooks exist only in the benchmark's build (statically false otherwise, so
// the bundler drops the import).
if (import.meta.env.VITE_BENCH_HOOKS === '1') void import('./bench/core');
