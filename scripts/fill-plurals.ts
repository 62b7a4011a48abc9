// Adds the plural forms a language's rules need but its file lacks, copying the `_other`
// form as a starting point (e.g. Spanish `_many`, used for millions). Prints what it added
// so a translator can review them. Usage: tsx scripts/fill-plurals.ts <lang> [namespace…]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Tree = { [key: string]: string | Tree };
const [lng, ...namespaces] = process.argv.slice(2);
if (!lng) throw new Error('usage: tsx scripts/fill-plurals.ts <lang> [namespace…]');
const dir = join(import.meta.dirname, '..', 'src', 'i18n', 'locales', lng);
const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;

function fill(tree: Tree, path: string): void {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value !== 'string') {
      fill(value, `${path}.${key}`);
      continue;
    }
    if (!key.endsWith('_other')) continue;
    const base = key.slice(0, -'_other'.length);
    for (const form of needed) {
      if (!(`${base}_${form}` in tree)) {
        tree[`${base}_${form}`] = value;
        console.log(`${lng}${path}.${base}_${form} ← _other`);
      }
    }
  }
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const ns = file.replace(/\.json$/, '');
  if (namespaces.length && !namespaces.includes(ns)) continue;
  const path = join(dir, file);
  const tree = JSON.parse(readFileSync(path, 'utf8')) as Tree;
  fill(tree, `:${ns}`);
  writeFileSync(path, `${JSON.stringify(tree, null, 2)}\n`);
}
