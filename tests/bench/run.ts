// `npm run bench`: builds the app, serves it, measures in real Chromium and prints a table.
// Sections can be picked by name: `npm run bench -- shell vault`.
import { build, serve } from '../support/serve';
import { benchQuickExit } from './quick-exit';
import { benchShell } from './shell';
import { printTable, type Row } from './stats';
import { benchVault } from './vault';

const sections: Record<string, (baseURL: string) => Promise<Row[]>> = {
  shell: benchShell,
  vault: benchVault,
  'quick-exit': benchQuickExit,
};

const wanted = process.argv.slice(2).filter((a) => a in sections);
const chosen = wanted.length ? wanted : Object.keys(sections);

// The bench build carries measurement hooks (VITE_BENCH_HOOKS); production builds do not.
build({ VITE_BENCH_HOOKS: '1' });
const app = await serve();
const rows: Row[] = [];
try {
  for (const name of chosen) {
    console.error(`bench: ${name}…`);
    rows.push(...(await (sections[name] as (u: string) => Promise<Row[]>)(app.url)));
  }
} finally {
  await app.close();
}
console.log('');
printTable(rows);
