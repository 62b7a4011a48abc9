// What the service worker precaches, read from the build made by global setup.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/serve';

const dist = inject('distDir');

function precacheList(): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  // injectManifest replaces self.__WB_MANIFEST with an array of {url, revision} objects.
  return [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1] as string);
}

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? walk(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

describe('build output', () => {
  const precached = precacheList();
  const files = walk(dist);

  it('precaches the shell, the manifest and every JS and CSS chunk', () => {
    expect(precached).toContain('index.html');
    expect(precached).toContain('manifest.webmanifest');
    const chunks = files.filter((f) => /\.(js|css)$/.test(f) && f !== 'sw.js');
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(precached).toContain(chunk);
  });

  it('precaches every locale', () => {
    const localeDir = join(ROOT, 'src', 'i18n', 'locales');
    const languages = readdirSync(localeDir).filter((f) => f.endsWith('.ts'));
    expect(languages.length).toBeGreaterThanOrEqual(2);
    for (const file of languages) {
      const lng = file.replace(/\.ts$/, '');
      const common = JSON.parse(readFileSync(join(localeDir, lng, 'common.json'), 'utf8')) as {
        languageName: string;
      };
      // The chunk that carries this language's strings must be in the precache.
      const carrying = files.filter(
        (f) =>
          f.endsWith('.js') && readFileSync(join(dist, f), 'utf8').includes(common.languageName),
      );
      expect(carrying.length, `no chunk carries ${lng}`).toBeGreaterThan(0);
      for (const chunk of carrying) expect(precached).toContain(chunk);
    }
  });

  it('does not precache the service worker itself', () => {
    expect(precached.some((url) => /(^|\/)sw\.js$/.test(url))).toBe(false);
    expect(precached.some((url) => url.includes('workbox-'))).toBe(false);
  });

  it('carries no benchmark hooks (they exist only in the VITE_BENCH_HOOKS=1 build)', () => {
    const scripts = files.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const file of scripts) {
      const text = readFileSync(join(dist, file), 'utf8');
      expect(text.includes('__nightjarBench'), `${file} contains __nightjarBench`).toBe(false);
    }
  });
});
