// Once per browser-test run: build the app and serve it; tests get the URL via inject().
import type { TestProject } from 'vitest/node';
import { build, serve } from '../support/serve';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  build();
  const app = await serve();
  project.provide('baseURL', app.url);
  return async () => {
    await app.close();
  };
}
