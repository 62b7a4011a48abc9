// Once per browser-test run: build the app into a folder of this run's own (so parallel
// runs and `npm start` never rebuild under each other's feet) and serve it; tests get the
// URL and the folder via inject().
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, ROOT, serve } from '../support/serve';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    distDir: string;
  }
}

export default async function setup(project: TestProject) {
  const distDir = join(ROOT, 'node_modules', '.cache', `nightjar-e2e-${process.pid}`);
  build({}, distDir);
  const app = await serve(0, '127.0.0.1', distDir);
  project.provide('baseURL', app.url);
  project.provide('distDir', distDir);
  return async () => {
    await app.close();
    rmSync(distDir, { recursive: true, force: true });
  };
}
