// `npm run bench`: builds the app, serves it, measures in real Chromium and prints a table.
// Sections can be picked by name: `npm run bench -- shell vault`.
import { build, serve } from '../support/serve';
import { benchShell } from './shell';
import { printTable, type Row } from './stats';

const sections: Record<string, (baseURL: string) => Promise<Row[]>> = {
  shell: benchShell,
};

const wanted = process.argv.slice(2).filter((a) => a in sections);
const chosen = wanted.length ? wanted : Object.keys(sections);

build();
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
