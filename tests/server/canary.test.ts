// Canary: a report's plaintext must never reach the partner server's disk, in any encoding.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nacl from 'tweetnacl';
import { afterAll, describe, expect, it } from 'vitest';
import { pad } from '../../src/core/sync/padding';
import { sealPadded } from '../../src/core/sync/seal';
import { OCTET, startServer } from './helpers';

const CANARY = `NJ-CANARY-${randomUUID()}-plate-AB12CDE`;
const dir = mkdtempSync(join(tmpdir(), 'nightjar-canary-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Every form the canary could take on disk: UTF-8, UTF-16 LE/BE, hex, base64/base64url. */
function needles(text: string): Array<[string, Buffer]> {
  const utf8 = Buffer.from(text, 'utf8');
  const out: Array<[string, Buffer]> = [
    ['utf8', utf8],
    ['utf16le', Buffer.from(text, 'utf16le')],
    ['utf16be', Buffer.from(text, 'utf16le').swap16()],
    ['hex', Buffer.from(utf8.toString('hex'))],
    ['HEX', Buffer.from(utf8.toString('hex').toUpperCase())],
  ];
  // Base64 depends on alignment: encode with 0, 1 and 2 bytes in front and keep the part
  // that only depends on the canary itself.
  for (const enc of ['base64', 'base64url'] as const) {
    for (let shift = 0; shift < 3; shift++) {
      const b64 = Buffer.concat([Buffer.alloc(shift), utf8]).toString(enc);
      const stable = b64.slice(shift === 0 ? 0 : 4, -4);
      out.push([`${enc}+${shift}`, Buffer.from(stable)]);
    }
  }
  return out;
}

function scan(files: string[], text: string): string[] {
  const hits: string[] = [];
  for (const f of files) {
    if (!existsSync(f)) continue;
    const bytes = readFileSync(f);
    for (const [name, needle] of needles(text)) {
      if (bytes.includes(needle)) hits.push(`${f}: ${name}`);
    }
  }
  return hits;
}

const dbFiles = (db: string) => [db, `${db}-wal`, `${db}-shm`];

describe('canary', () => {
  it('the scanner finds the canary in every encoding when it is there (control)', async () => {
    const db = join(dir, 'control.db');
    const s = await startServer({ db });
    try {
      // Unsealed bodies of a valid size, each carrying the canary in one encoding.
      for (const [name, needle] of needles(CANARY)) {
        const padded = pad(needle);
        if (!padded.ok) throw new Error('pad');
        const body = new Uint8Array(padded.value.length + 48);
        body.set(padded.value, 48);
        const res = await fetch(`${s.base}/v1/reports/${randomUUID()}`, {
          method: 'PUT',
          headers: OCTET,
          body,
        });
        expect(res.status, name).toBe(201);
      }
      const hits = scan(dbFiles(db), CANARY);
      for (const [name] of needles(CANARY)) {
        expect(
          hits.some((h) => h.endsWith(`: ${name}`)),
          name,
        ).toBe(true);
      }
    } finally {
      await s.close();
    }
  });

  it('a sealed report leaves no trace of its plaintext in the database or WAL', async () => {
    const db = join(dir, 'partner.db');
    const s = await startServer({ db });
    const org = nacl.box.keyPair();
    const plaintext = JSON.stringify({
      format: 'nightjar-report',
      version: 1,
      report: { vehicle: { plate: CANARY }, whatHappened: `${CANARY} `.repeat(40) },
    });
    try {
      for (let i = 0; i < 3; i++) {
        const sealed = await sealPadded(new TextEncoder().encode(plaintext), org.publicKey);
        if (!sealed.ok) throw new Error('seal');
        const res = await fetch(`${s.base}/v1/reports/${randomUUID()}`, {
          method: 'PUT',
          headers: { ...OCTET, 'user-agent': 'CanaryAgent/1.0' },
          body: sealed.value,
        });
        expect(res.status).toBe(201);
      }
      expect(existsSync(`${db}-wal`)).toBe(true); // the data is (at least) in the WAL now
      expect(scan(dbFiles(db), CANARY)).toEqual([]);
    } finally {
      await s.close();
    }
    // After close the WAL is checkpointed into the main file: still nothing.
    expect(scan(dbFiles(db), CANARY)).toEqual([]);
    // Nor anything about the client.
    expect(scan(dbFiles(db), '127.0.0.1')).toEqual([]);
    expect(scan(dbFiles(db), 'CanaryAgent')).toEqual([]);
  });
});
