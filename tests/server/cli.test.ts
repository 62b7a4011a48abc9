// The partner CLI, run as a real child process (tsx server/cli.ts …).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PartnerKeys, PUBLIC_FILE, SECRET_FILE, unlockKeys } from '../../server/keys';
import {
  fingerprint,
  fromBase64Url,
  payloadFromLink,
  verifyPairing,
} from '../../src/core/sync/profile';
import { sealPadded } from '../../src/core/sync/seal';
import { OCTET, sealedSizedBody, startServer } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const PASS = 'a long passphrase for tests';
const dir = mkdtempSync(join(tmpdir(), 'nightjar-cli-'));
const keysDir = join(dir, 'keys');
const dbPath = join(dir, 'partner.db');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((done) => {
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NIGHTJAR_PARTNER_PASSPHRASE: PASS,
      ...env,
    };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
    const child = spawn(TSX, ['server/cli.ts', ...args], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdin.end();
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\ufeff/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && src[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

let keys: PartnerKeys;

beforeAll(async () => {
  const r = await cli(['keygen', '--out', keysDir]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  keys = await unlockKeys(keysDir, PASS);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('keygen', () => {
  it('writes a public file and an encrypted, owner-only secret file', () => {
    const secretPath = join(keysDir, SECRET_FILE);
    expect(existsSync(join(keysDir, PUBLIC_FILE))).toBe(true);
    expect(statSync(secretPath).mode & 0o777).toBe(0o600);
    const secretFile = readFileSync(secretPath);
    const secrets = {
      box: keys.boxSecretKey,
      sign: keys.signSecretKey,
      signSeed: keys.signSecretKey.subarray(0, 32),
    };
    for (const [name, sk] of Object.entries(secrets)) {
      const b = Buffer.from(sk);
      expect(b.every((x) => x === 0)).toBe(false);
      for (const form of [
        b,
        Buffer.from(b.toString('base64')),
        Buffer.from(b.toString('base64url')),
        Buffer.from(b.toString('hex')),
        Buffer.from(b.subarray(0, 16).toString('base64url')),
      ]) {
        expect(secretFile.includes(form), name).toBe(false);
      }
    }
    const json = JSON.parse(secretFile.toString('utf8'));
    expect(json.kdf).toMatchObject({ algorithm: 'argon2id', memoryKiB: 65_536, iterations: 3 });
  });

  it('refuses to overwrite existing keys', async () => {
    const before = readFileSync(join(keysDir, SECRET_FILE), 'utf8');
    const r = await cli(['keygen', '--out', keysDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists/);
    expect(readFileSync(join(keysDir, SECRET_FILE), 'utf8')).toBe(before);
  });
});

describe('pair', () => {
  it('prints a signed pairing link that verifies, its fingerprint and a QR code', async () => {
    const r = await cli([
      'pair',
      '--keys',
      keysDir,
      '--name',
      'Safe Nights Outreach',
      '--endpoint',
      'https://reports.example.org/',
      '--app',
      'https://app.example.org',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const link = r.stdout.split('\n').find((l) => l.startsWith('https://app.example.org/#pair='));
    expect(link).toBeDefined();
    const payload = payloadFromLink(link ?? '');
    if (!payload.ok) throw new Error('no payload');
    const profile = verifyPairing(payload.value, keys.signPublicKey);
    if (!profile.ok) throw new Error(profile.error);
    expect(profile.value).toMatchObject({
      name: 'Safe Nights Outreach',
      endpoint: 'https://reports.example.org',
    });
    expect(fromBase64Url(profile.value.boxPublicKey)).toEqual(keys.boxPublicKey);
    const fp = await fingerprint(profile.value);
    expect(fp.ok && r.stdout.includes(`Fingerprint: ${fp.value}`)).toBe(true);
    expect(r.stdout).toMatch(/[▄▀█]{5}/); // the terminal QR code
  });

  it('explains bad input with a non-zero exit code', async () => {
    const missing = await cli(['pair', '--keys', keysDir, '--name', 'X', '--app', 'https://a.org']);
    expect(missing.code).toBe(64);
    expect(missing.stderr).toMatch(/Missing --endpoint/);
    const http = await cli([
      'pair',
      ...['--keys', keysDir, '--name', 'X', '--app', 'https://a.org'],
      ...['--endpoint', 'http://reports.example.org'],
    ]);
    expect(http.code).toBe(1);
    expect(http.stderr).toMatch(/https/);
  });
});

describe('inbox', () => {
  const reports = [
    {
      incidentTypes: ['theft/robbery', 'threats'],
      area: 'Canal St, "the bridge"',
      vehicle: { plate: 'AB12 CDE', colour: 'silver' },
      whatHappened: 'He said, "no".\nThen left,\r\nfast.',
      phone: '+44 7700 900123',
      formula: '=HYPERLINK("http://evil")',
      count: 2,
    },
    { incidentTypes: [], area: 'Elsewhere', ünïcode: 'ÄÖÜ — 😀' },
  ];
  const ids = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    // What `serve` does: the real endpoint, writing to a file database.
    const s = await startServer({ db: dbPath });
    try {
      for (const [i, report] of reports.entries()) {
        const json = JSON.stringify({ format: 'nightjar-report', version: 1, report });
        const sealed = await sealPadded(new TextEncoder().encode(json), keys.boxPublicKey);
        if (!sealed.ok) throw new Error(sealed.error);
        const res = await fetch(`${s.base}/v1/reports/${ids[i]}`, {
          method: 'PUT',
          headers: OCTET,
          body: sealed.value,
        });
        expect(res.status).toBe(201);
      }
    } finally {
      await s.close();
    }
  });

  it('decrypts every report to the same JSON and exports JSON and CSV', async () => {
    const jsonOut = join(dir, 'out.json');
    const csvOut = join(dir, 'out.csv');
    const r = await cli([
      'inbox',
      '--db',
      dbPath,
      '--keys',
      keysDir,
      '--json',
      jsonOut,
      '--csv',
      csvOut,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 report(s)');
    for (const id of ids) expect(r.stdout).toContain(id);
    // No raw control characters from report text reach the terminal.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: that is what is checked
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);

    const exported = JSON.parse(readFileSync(jsonOut, 'utf8'));
    expect(exported.failed).toEqual([]);
    expect(exported.reports.map((x: { id: string }) => x.id).sort()).toEqual([...ids].sort());
    for (const [i, id] of ids.entries()) {
      const got = exported.reports.find((x: { id: string }) => x.id === id);
      expect(got.report).toEqual(reports[i]);
      expect(got.receivedDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(statSync(jsonOut).mode & 0o777).toBe(0o600);

    const rows = parseCsv(readFileSync(csvOut, 'utf8'));
    const [header, ...body] = rows;
    expect(header).toEqual([
      'id',
      'received_day',
      'incidentTypes',
      'area',
      'vehicle',
      'whatHappened',
      'phone',
      'formula',
      'count',
      'ünïcode',
    ]);
    expect(body).toHaveLength(2);
    const byId = new Map(body.map((row) => [row[0], row]));
    const first = byId.get(ids[0]);
    expect(first?.slice(2)).toEqual([
      'theft/robbery; threats',
      'Canal St, "the bridge"',
      '{"plate":"AB12 CDE","colour":"silver"}',
      'He said, "no".\nThen left,\r\nfast.',
      "'+44 7700 900123",
      `'=HYPERLINK("http://evil")`,
      '2',
      '',
    ]);
    expect(byId.get(ids[1])?.slice(2)).toEqual(['', 'Elsewhere', '', '', '', '', '', 'ÄÖÜ — 😀']);
  });

  it('wrong passphrase: clear error, exit code 2, nothing written', async () => {
    const out = join(dir, 'never.json');
    const r = await cli(['inbox', '--db', dbPath, '--keys', keysDir, '--json', out], {
      NIGHTJAR_PARTNER_PASSPHRASE: 'not the passphrase at all',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Wrong passphrase/);
    expect(existsSync(out)).toBe(false);
  });

  it('missing files and missing passphrase are explained', async () => {
    const noDb = await cli(['inbox', '--db', join(dir, 'nope.db'), '--keys', keysDir]);
    expect(noDb.code).toBe(1);
    expect(noDb.stderr).toMatch(/Database not found/);
    const noKeys = await cli(['inbox', '--db', dbPath, '--keys', join(dir, 'nokeys')]);
    expect(noKeys.code).toBe(1);
    expect(noKeys.stderr).toMatch(/Public key file not found/);
    const noPass = await cli(['inbox', '--db', dbPath, '--keys', keysDir], {
      NIGHTJAR_PARTNER_PASSPHRASE: undefined,
    });
    expect(noPass.code).toBe(1);
    expect(noPass.stderr).toMatch(/NIGHTJAR_PARTNER_PASSPHRASE/);
  });

  it('flags a report it cannot open (exit code 3) and still lists the others', async () => {
    const s = await startServer({ db: dbPath });
    const junkId = randomUUID();
    try {
      const res = await fetch(`${s.base}/v1/reports/${junkId}`, {
        method: 'PUT',
        headers: OCTET,
        body: sealedSizedBody(),
      });
      expect(res.status).toBe(201);
    } finally {
      await s.close();
    }
    const r = await cli(['inbox', '--db', dbPath, '--keys', keysDir]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('2 report(s), 1 unreadable');
    expect(r.stderr).toContain(`${junkId}`);
    expect(r.stderr).toMatch(/UNREADABLE/);
  });
});

describe('serve', () => {
  it('serves the endpoint and shuts down cleanly on SIGTERM', async () => {
    const db = join(dir, 'served.db');
    const child: ChildProcess = spawn(
      TSX,
      [
        'server/cli.ts',
        'serve',
        '--db',
        db,
        '--port',
        '0',
        '--app-origin',
        'https://app.example.org',
        '--quiet',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const base = await new Promise<string>((ok, fail) => {
        let out = '';
        child.stdout?.on('data', (d) => {
          out += d;
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m?.[1]) ok(m[1]);
        });
        child.on('exit', () => fail(new Error(`serve exited early: ${out}`)));
      });
      expect((await fetch(`${base}/v1/health`)).status).toBe(200);
      const put = await fetch(`${base}/v1/reports/${randomUUID()}`, {
        method: 'PUT',
        headers: OCTET,
        body: sealedSizedBody(),
      });
      expect(put.status).toBe(201);
      const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // The database was closed properly: the WAL has been checkpointed and removed.
      expect(existsSync(db)).toBe(true);
      expect(existsSync(`${db}-wal`)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
