// Builds the app (once per process) and serves dist/ through Vite's preview server, which
// sends the same security headers as `npm start`. Used by npm start, the browser tests and
// the benchmark, so all three exercise the production build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PreviewServer, preview } from 'vite';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function build(env: Record<string, string> = {}, outDir?: string): void {
  const args = [
    'build',
    '--logLevel',
    'warn',
    ...(outDir ? ['--outDir', outDir, '--emptyOutDir'] : []),
  ];
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), args, {
    cwd: ROOT,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test; the build we test and measure is the production one.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
      ...env,
    },
  });
}

export function ensureBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) build();
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address !== 'string' ? resolve(address.port) : reject(),
      );
    });
  });
}

export async function serve(port = 0, host = '127.0.0.1', outDir?: string): Promise<Served> {
  const chosen = port || (await freePort(host));
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'silent',
    preview: { port: chosen, host, strictPort: true },
    ...(outDir ? { build: { outDir } } : {}),
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://${host}:${address.port}`,
    close: () => server.close(),
  };
}
