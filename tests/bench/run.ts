// `npm run bench`: builds the app, serves it, measures in real Chromium and prints a table.
// Sections can be picked by name: `npm run bench -- shell vault`.
import { join } from 'node:path';
import { build, ROOT, serve } from '../support/serve';
import { benchQuickExit } from './quick-exit';
import { benchReports } from './reports';
import { benchShell } from './shell';
import { printTable, type Row } from './stats';
import { benchSync } from './sync';
import { benchVault } from './vault';

const sections: Record<string, (baseURL: string, distDir: string) => Promise<Row[]>> = {
  shell: benchShell,
  vault: benchVault,
  'quick-exit': benchQuickExit,
  reports: benchReports,
  sync: benchSync,
};

const wanted = process.argv.slice(2).filter((a) => a in sections);
const chosen = wanted.length ? wanted : Object.keys(sections);

// The bench build carries measurement hooks (VITE_BENCH_HOOKS); production builds do not.
const outDir = join(ROOT, 'node_modules', '.cache', 'nightjar-bench');
build({ VITE_BENCH_HOOKS: '1' }, outDir);
const app = await serve(0, '127.0.0.1', outDir);
const rows: Row[] = [];
try {
  for (const name of chosen) {
    console.error(`bench: ${name}…`);
    const section = sections[name];
    if (section) rows.push(...(await section(app.url, outDir)));
  }
} finally {
  await app.close();
}
console.log('');
printTable(rows);
