// Every language has every English key, non-empty, no key English lacks, the same
// interpolation variables, and the plural forms its own plural rules need.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(__dirname, '..', '..', 'src', 'i18n', 'locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function load(lng: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of readdirSync(join(DIR, lng)).filter((f) => f.endsWith('.json'))) {
    const ns = file.replace(/\.json$/, '');
    const tree = JSON.parse(readFileSync(join(DIR, lng, file), 'utf8')) as Tree;
    for (const [k, v] of flatten(tree)) all.set(`${ns}:${k}`, v);
  }
  return all;
}

const vars = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

/** Keys with their plural suffix removed, and which suffixes each has. */
function pluralGroups(keys: Iterable<string>): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const key of keys) {
    const m = key.match(PLURAL);
    if (!m) continue;
    const base = key.slice(0, -m[0].length);
    groups.set(base, (groups.get(base) ?? new Set()).add(m[1] as string));
  }
  return groups;
}

const languages = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const en = load('en');
const enPlurals = pluralGroups(en.keys());

describe('locales', () => {
  it('includes English and at least one other language', () => {
    expect(languages).toContain('en');
    expect(languages.length).toBeGreaterThan(1);
  });

  for (const lng of languages.filter((l) => l !== 'en')) {
    describe(lng, () => {
      const strings = load(lng);
      const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      const nonPlural = (key: string) => !PLURAL.test(key);

      it('has every English key, non-empty', () => {
        const missing = [...en.keys()].filter(nonPlural).filter((k) => !strings.get(k)?.trim());
        expect(missing).toEqual([]);
      });

      it('has no key English lacks', () => {
        const extra = [...strings.keys()].filter((k) =>
          nonPlural(k) ? !en.has(k) : !enPlurals.has(k.replace(PLURAL, '')),
        );
        expect(extra).toEqual([]);
      });

      it('has every plural form its language needs', () => {
        for (const base of enPlurals.keys()) {
          for (const form of needed) {
            expect(strings.get(`${base}_${form}`)?.trim(), `${lng} ${base}_${form}`).toBeTruthy();
          }
        }
      });

      it('uses the same interpolation variables', () => {
        for (const [key, text] of strings) {
          const reference = en.get(key) ?? en.get(key.replace(PLURAL, '_other'));
          if (reference === undefined) continue;
          const expected = vars(reference);
          // A plural form may leave out the number itself (Arabic "two reports" is one dual
          // word), but never another variable, and never one English lacks.
          const form = key.match(PLURAL)?.[1];
          const allowed =
            form && form !== 'other' ? expected.filter((v) => v !== 'count') : expected;
          const got = vars(text);
          expect(
            got.filter((v) => !expected.includes(v)),
            `${lng} ${key}: unknown`,
          ).toEqual([]);
          for (const v of allowed) expect(got, `${lng} ${key}: missing ${v}`).toContain(v);
        }
      });
    });
  }
});
