// Partner organisation CLI: `npm run partner -- <command>` (= tsx server/cli.ts <command>).
//
//   keygen --out <dir>
//   pair   --keys <dir> --name <org> --endpoint <url> --app <appOrigin>
//   serve  --db <file> [--port 8787] [--host 127.0.0.1] --app-origin <origin>
//   inbox  --db <file> --keys <dir> [--json out.json] [--csv out.csv]
//
// The passphrase comes from NIGHTJAR_PARTNER_PASSPHRASE or is asked on the terminal
// without echo. Exit codes: 0 ok, 1 error, 2 wrong passphrase, 3 some reports unreadable,
// 64 usage.
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import QRCode from 'qrcode';
import {
  fingerprint,
  normalizeAppOrigin,
  normalizeEndpoint,
  pairingLink,
  signProfile,
  verifyPairing,
} from '../src/core/sync/profile';
import { buildServer, closeOnSignals, DEFAULT_BODY_LIMIT, DEFAULT_RATE_LIMIT } from './app';
import { readInbox, summarise, terminalSafe, toCsv, toJsonExport } from './inbox';
import {
  CliError,
  generateKeyFiles,
  loadPublicKeys,
  MIN_PASSPHRASE_LENGTH,
  PUBLIC_FILE,
  SECRET_FILE,
  unlockKeys,
  wipeKeys,
} from './keys';
import { hasTrialKeys, trialPassphrase, trialPaths } from './local-trial';
import { openStore } from './store';

export const PASSPHRASE_ENV = 'NIGHTJAR_PARTNER_PASSPHRASE';

const USAGE = `Nightjar partner tools

  keygen --out <dir>
      Create the organisation's key pairs. Writes ${PUBLIC_FILE} (share freely) and
      ${SECRET_FILE} (encrypted under your passphrase; keep it off the server, back it up).
  pair --keys <dir> --name <org> --endpoint <url> --app <appOrigin>
      Print the signed pairing link, its fingerprint and a QR code for workers' phones.
  serve --db <file> --app-origin <origin> [--port 8787] [--host 127.0.0.1]
        [--rate-max ${DEFAULT_RATE_LIMIT.max}] [--rate-window-ms ${DEFAULT_RATE_LIMIT.timeWindow}]
        [--body-limit ${DEFAULT_BODY_LIMIT}] [--trust-proxy] [--synchronous FULL|NORMAL] [--quiet]
      Run the report endpoint. Needs no secret key.
  inbox --db <file> --keys <dir> [--json <out.json>] [--csv <out.csv>]
      Decrypt and list the reports; optionally export them (files contain decrypted reports).
      Without --db and --keys it reads npm start's local trial organisation (.data/partner).

The passphrase is read from ${PASSPHRASE_ENV} or asked for on the terminal.`;

class UsageError extends CliError {
  constructor(message: string) {
    super(`${message}\n\n${USAGE}`, 64);
  }
}

type Out = { log: (line: string) => void; err: (line: string) => void };
const defaultOut: Out = {
  log: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function required(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`Missing --${name}.`);
  return v;
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolvePromise, reject) => {
    process.stderr.write(prompt);
    let text = '';
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const done = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolvePromise(text);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new CliError('Cancelled.', 130));
        if (ch === '\u0004') {
          if (text === '') return done(new CliError('Cancelled.', 130));
          continue;
        }
        if (ch === '\u007f' || ch === '\b') {
          text = [...text].slice(0, -1).join('');
          continue;
        }
        if (ch >= ' ') text += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function getPassphrase(purpose: 'new' | 'unlock'): Promise<string> {
  const fromEnv = process.env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new CliError(
      `No passphrase: set ${PASSPHRASE_ENV} or run this command in a terminal to be asked.`,
    );
  }
  if (purpose === 'unlock') return promptHidden('Passphrase for the secret key file: ');
  const first = await promptHidden(
    `New passphrase (at least ${MIN_PASSPHRASE_LENGTH} characters): `,
  );
  const second = await promptHidden('Repeat the passphrase: ');
  if (first !== second) throw new CliError('The passphrases do not match.');
  return first;
}

async function cmdKeygen(args: string[], out: Out): Promise<number> {
  const v = parse(args, { out: { type: 'string' } });
  const dir = resolve(required(v, 'out'));
  const passphrase = await getPassphrase('new');
  const pub = await generateKeyFiles(dir, passphrase);
  const fp = await fingerprint(pub);
  out.log(`Wrote ${resolve(dir, PUBLIC_FILE)}`);
  out.log(`Wrote ${resolve(dir, SECRET_FILE)} (encrypted under your passphrase)`);
  out.log(`Fingerprint: ${fp.ok ? fp.value : '?'}`);
  out.log('');
  out.log(`Keep ${SECRET_FILE} and the passphrase safe and backed up offline: without them no`);
  out.log('report sent to you can ever be read. The serving machine needs neither.');
  return 0;
}

async function cmdPair(args: string[], out: Out): Promise<number> {
  const v = parse(args, {
    keys: { type: 'string' },
    name: { type: 'string' },
    endpoint: { type: 'string' },
    app: { type: 'string' },
  });
  const dir = resolve(required(v, 'keys'));
  const name = required(v, 'name').normalize('NFC').trim();
  const endpoint = normalizeEndpoint(required(v, 'endpoint'));
  if (!endpoint.ok) {
    throw new CliError('--endpoint must be an https:// URL (http:// only for localhost).');
  }
  const app = normalizeAppOrigin(required(v, 'app'));
  if (!app.ok) throw new CliError('--app must be an origin such as https://app.example.org');
  const pub = loadPublicKeys(dir);
  const keys = await unlockKeys(dir, await getPassphrase('unlock'));
  let payload: string;
  try {
    const profile = {
      name,
      endpoint: endpoint.value,
      boxPublicKey: pub.boxPublicKey,
      signPublicKey: pub.signPublicKey,
    };
    const signed = signProfile(profile, keys.signSecretKey);
    if (!signed.ok) {
      throw new CliError(
        signed.error === 'bad_name'
          ? '--name must be 1–80 characters without control or direction-changing characters.'
          : `Cannot sign this profile (${signed.error}).`,
      );
    }
    payload = signed.value;
  } finally {
    wipeKeys(keys);
  }
  const check = verifyPairing(payload, pub.signPublicKey);
  if (!check.ok) throw new CliError(`Self-check of the pairing payload failed (${check.error}).`);
  const link = pairingLink(app.value, payload);
  if (!link.ok) throw new CliError('Cannot build the pairing link.');
  const fp = await fingerprint(check.value);
  out.log(`Pairing link for ${terminalSafe(name)}:`);
  out.log(link.value);
  out.log('');
  out.log(`Fingerprint: ${fp.ok ? fp.value : '?'}`);
  out.log('Workers should compare this fingerprint with the one their app shows, in person or');
  out.log('by phone, before sending reports.');
  out.log('');
  out.log(
    await QRCode.toString(link.value, { type: 'terminal', small: true, errorCorrectionLevel: 'M' }),
  );
  return 0;
}

function intOption(v: Record<string, unknown>, name: string, fallback: number): number {
  const raw = v[name];
  if (raw === undefined) return fallback;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} must be a whole number.`);
  return n;
}

async function cmdServe(args: string[], out: Out): Promise<number> {
  const v = parse(args, {
    db: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'app-origin': { type: 'string' },
    'rate-max': { type: 'string' },
    'rate-window-ms': { type: 'string' },
    'body-limit': { type: 'string' },
    'trust-proxy': { type: 'boolean' },
    synchronous: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  const db = resolve(required(v, 'db'));
  const origin = normalizeAppOrigin(required(v, 'app-origin'));
  if (!origin.ok)
    throw new CliError('--app-origin must be an origin such as https://app.example.org');
  const port = intOption(v, 'port', 8787);
  const host = typeof v.host === 'string' ? v.host : '127.0.0.1';
  const sync = v.synchronous ?? 'FULL';
  if (sync !== 'FULL' && sync !== 'NORMAL')
    throw new UsageError('--synchronous is FULL or NORMAL.');
  const app = await buildServer({
    db,
    appOrigin: origin.value,
    bodyLimit: intOption(v, 'body-limit', DEFAULT_BODY_LIMIT),
    rateLimit: {
      max: intOption(v, 'rate-max', DEFAULT_RATE_LIMIT.max),
      timeWindow: intOption(v, 'rate-window-ms', DEFAULT_RATE_LIMIT.timeWindow),
    },
    logger: v.quiet !== true,
    trustProxy: v['trust-proxy'] === true,
    synchronous: sync,
  });
  const closed = new Promise<number>((resolveClosed) => {
    closeOnSignals(app, (error) => {
      if (error) {
        // Connections that would not close in time: leave anyway (SQLite WAL is crash-safe).
        out.err(`Shutdown: ${(error as Error).message}`);
        process.exit(1);
      }
      resolveClosed(0);
    });
  });
  try {
    await app.listen({ port, host });
  } catch (e) {
    await app.close();
    throw new CliError(`Cannot listen on ${host}:${port}: ${(e as Error).message}`);
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  out.log(`nightjar endpoint listening on http://${host}:${actualPort} (db ${db})`);
  return closed;
}

function writePrivate(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

async function cmdInbox(args: string[], out: Out): Promise<number> {
  const v = parse(args, {
    db: { type: 'string' },
    keys: { type: 'string' },
    json: { type: 'string' },
    csv: { type: 'string' },
  });
  // With neither option, `npm start`'s local trial organisation (.data/partner) is read.
  const trial = v.db === undefined && v.keys === undefined && hasTrialKeys() ? trialPaths() : null;
  const dbPath = trial ? trial.db : resolve(required(v, 'db'));
  const dir = trial ? trial.dir : resolve(required(v, 'keys'));
  if (trial) out.log(`Local trial organisation in ${trial.dir} (for trial only)`);
  if (!existsSync(dbPath)) throw new CliError(`Database not found: ${dbPath}`);
  loadPublicKeys(dir); // clear error about missing files before asking for a passphrase
  const passphrase =
    trial && !process.env[PASSPHRASE_ENV] ? trialPassphrase(trial) : await getPassphrase('unlock');
  const keys = await unlockKeys(dir, passphrase);
  let store: ReturnType<typeof openStore>;
  try {
    store = openStore(dbPath, { readonly: true });
  } catch (e) {
    wipeKeys(keys);
    throw new CliError(`Cannot open the database ${dbPath}: ${(e as Error).message}`);
  }
  let inbox: Awaited<ReturnType<typeof readInbox>>;
  try {
    inbox = await readInbox(store, keys);
  } catch (e) {
    throw new CliError(`Cannot read the database ${dbPath}: ${(e as Error).message}`);
  } finally {
    wipeKeys(keys);
    store.close();
  }
  out.log(
    `${inbox.reports.length} report(s)${inbox.failed.length ? `, ${inbox.failed.length} unreadable` : ''}`,
  );
  for (const r of inbox.reports) {
    out.log(`${r.id}  ${r.receivedDay}  ${summarise(r.report)}`);
  }
  for (const f of inbox.failed) {
    out.err(`${f.id}  ${f.receivedDay}  UNREADABLE: ${f.error}`);
  }
  if (typeof v.json === 'string') {
    writePrivate(resolve(v.json), toJsonExport(inbox));
    out.log(`Wrote ${resolve(v.json)} (decrypted reports: store it encrypted)`);
  }
  if (typeof v.csv === 'string') {
    writePrivate(resolve(v.csv), toCsv(inbox.reports));
    out.log(`Wrote ${resolve(v.csv)} (decrypted reports: store it encrypted)`);
  }
  return inbox.failed.length > 0 ? 3 : 0;
}

export async function main(argv: string[], out: Out = defaultOut): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'keygen':
        return await cmdKeygen(rest, out);
      case 'pair':
        return await cmdPair(rest, out);
      case 'serve':
        return await cmdServe(rest, out);
      case 'inbox':
        return await cmdInbox(rest, out);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out.log(USAGE);
        return command === undefined ? 64 : 0;
      default:
        throw new UsageError(`Unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof CliError) {
      out.err(`Error: ${e.message}`);
      return e.exitCode;
    }
    out.err(`Unexpected error: ${(e as Error)?.message ?? String(e)}`);
    return 1;
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 1;
    },
  );
}
