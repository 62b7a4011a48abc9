// `npm start`: a local trial of the whole loop. It creates a partner organisation on first
// run (keys and a passphrase in .data/partner/, gitignored, for local trial only), starts
// its endpoint on 127.0.0.1:8787 (PARTNER_PORT) with the reports in .data/partner/reports.db,
// builds the app with that organisation's profile baked in, and serves the app on
// 127.0.0.1:4173 (PORT). Reports filed in the app are read back with
// `npm run partner -- inbox`. Ctrl+C stops both.

import { buildServer } from '../server/app';
import { ensureTrialKeys, trialPaths, writeTrialProfile } from '../server/local-trial';
import { fingerprint } from '../src/core/sync/profile';
import { build, serve } from '../tests/support/serve';
import { PARTNER_ENV } from './partner';

const port = Number(process.env.PORT ?? 4173);
const partnerPort = Number(process.env.PARTNER_PORT ?? 8787);
const host = '127.0.0.1';
const appOrigin = `http://${host}:${port}`;
const endpoint = `http://${host}:${partnerPort}`;

const paths = trialPaths();
if (await ensureTrialKeys(paths)) {
  console.log(`Created a local trial organisation in ${paths.dir} (see README.txt there).`);
}
const { path: profilePath, profile } = writeTrialProfile(endpoint, paths);

const partner = await buildServer({ db: paths.db, appOrigin });
partner.addHook('onResponse', async (request, reply) => {
  if (request.method === 'PUT') {
    const what = reply.statusCode === 201 ? 'report stored' : 'report not stored';
    console.log(`partner: ${what} (${reply.statusCode})`);
  }
});
try {
  await partner.listen({ port: partnerPort, host });
} catch (e) {
  console.error(
    `Cannot start the partner endpoint on ${endpoint}: ${(e as Error).message}\n` +
      'Set PARTNER_PORT to use another port.',
  );
  await partner.close();
  process.exit(1);
}

// The build bakes the profile in; the preview server reads the same variable for its CSP.
process.env[PARTNER_ENV] = profilePath;
build({ [PARTNER_ENV]: profilePath });
const app = await serve(port, host);

const fp = await fingerprint(profile);
console.log(`
Nightjar (disguised as "Calculator") is at ${app.url}/
The local trial organisation's endpoint is at ${endpoint}/ (key fingerprint ${fp.ok ? fp.value : '?'})
Read the reports it received:  npm run partner -- inbox
Press Ctrl+C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([app.close(), partner.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
