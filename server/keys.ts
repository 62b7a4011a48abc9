// The partner organisation's key files.
//
//   <dir>/partner-public.json   box + signing public keys (base64url); safe to copy anywhere
//   <dir>/partner-secret.json   box secret key (32) ‖ signing secret key (64), sealed with
//                               nacl.secretbox under Argon2id(passphrase) — the same KDF floor
//                               as the app's vault: 64 MiB, 3 passes, parallelism 1
//
// The secret file never needs to be on the machine that runs `serve`.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { argon2id } from 'hash-wasm';
import nacl from 'tweetnacl';
import { fromBase64Url, toBase64Url } from '../src/core/sync/profile';

export const PUBLIC_FILE = 'partner-public.json';
export const SECRET_FILE = 'partner-secret.json';
export const KDF_FLOOR = { memoryKiB: 65_536, iterations: 3, parallelism: 1 } as const;
export const MIN_PASSPHRASE_LENGTH = 12;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface PublicKeysFile {
  format: 'nightjar-partner-public-keys';
  version: 1;
  boxPublicKey: string;
  signPublicKey: string;
}

export interface SecretKeysFile {
  format: 'nightjar-partner-secret-keys';
  version: 1;
  kdf: {
    algorithm: 'argon2id';
    memoryKiB: number;
    iterations: number;
    parallelism: number;
    salt: string;
  };
  nonce: string;
  ciphertext: string;
}

export interface PartnerKeys {
  boxPublicKey: Uint8Array;
  boxSecretKey: Uint8Array;
  signPublicKey: Uint8Array;
  signSecretKey: Uint8Array;
}

export function wipeKeys(keys: PartnerKeys): void {
  keys.boxSecretKey.fill(0);
  keys.signSecretKey.fill(0);
}

async function deriveKek(
  passphrase: string,
  salt: Uint8Array,
  params: { memoryKiB: number; iterations: number; parallelism: number },
): Promise<Uint8Array> {
  return argon2id({
    password: passphrase.normalize('NFC'),
    salt,
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
}

function readJson(path: string, what: string): unknown {
  if (!existsSync(path)) throw new CliError(`${what} not found: ${path}`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new CliError(`${what} is not valid JSON: ${path}`);
  }
}

function key(value: unknown, length: number, what: string): Uint8Array {
  const bytes = typeof value === 'string' ? fromBase64Url(value) : null;
  if (bytes === null || bytes.length !== length) throw new CliError(`${what} is damaged`);
  return bytes;
}

export function loadPublicKeys(dir: string): PublicKeysFile {
  const path = join(dir, PUBLIC_FILE);
  const o = readJson(path, 'Public key file') as Partial<PublicKeysFile> | null;
  if (o?.format !== 'nightjar-partner-public-keys' || o.version !== 1) {
    throw new CliError(`Not a Nightjar public key file (or an unsupported version): ${path}`);
  }
  key(o.boxPublicKey, 32, `Public key file ${path}`);
  key(o.signPublicKey, 32, `Public key file ${path}`);
  return o as PublicKeysFile;
}

/** Creates both key pairs and writes the two files. Refuses to overwrite existing keys. */
export async function generateKeyFiles(dir: string, passphrase: string): Promise<PublicKeysFile> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new CliError(`The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  const publicPath = join(dir, PUBLIC_FILE);
  const secretPath = join(dir, SECRET_FILE);
  for (const p of [publicPath, secretPath]) {
    if (existsSync(p)) {
      throw new CliError(
        `${p} already exists. Replacing keys would make every report sealed to them ` +
          'unreadable; move the old files away yourself if you really mean to.',
      );
    }
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  const box = nacl.box.keyPair();
  const sign = nacl.sign.keyPair();
  const salt = nacl.randomBytes(16);
  const nonce = nacl.randomBytes(nacl.secretbox.nonceLength);
  const kek = await deriveKek(passphrase, salt, KDF_FLOOR);
  const plain = new Uint8Array(32 + 64);
  plain.set(box.secretKey, 0);
  plain.set(sign.secretKey, 32);
  const ciphertext = nacl.secretbox(plain, nonce, kek);
  plain.fill(0);
  kek.fill(0);
  box.secretKey.fill(0);
  sign.secretKey.fill(0);

  const pub: PublicKeysFile = {
    format: 'nightjar-partner-public-keys',
    version: 1,
    boxPublicKey: toBase64Url(box.publicKey),
    signPublicKey: toBase64Url(sign.publicKey),
  };
  const secret: SecretKeysFile = {
    format: 'nightjar-partner-secret-keys',
    version: 1,
    kdf: { algorithm: 'argon2id', ...KDF_FLOOR, salt: toBase64Url(salt) },
    nonce: toBase64Url(nonce),
    ciphertext: toBase64Url(ciphertext),
  };
  writeFileSync(secretPath, `${JSON.stringify(secret, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(secretPath, 0o600);
  writeFileSync(publicPath, `${JSON.stringify(pub, null, 2)}\n`, { mode: 0o644, flag: 'wx' });
  return pub;
}

/** Decrypts the secret key file. A wrong passphrase is reported as such. */
export async function unlockKeys(dir: string, passphrase: string): Promise<PartnerKeys> {
  const pub = loadPublicKeys(dir);
  const path = join(dir, SECRET_FILE);
  const o = readJson(path, 'Secret key file') as Partial<SecretKeysFile> | null;
  if (o?.format !== 'nightjar-partner-secret-keys' || o.version !== 1) {
    throw new CliError(`Not a Nightjar secret key file (or an unsupported version): ${path}`);
  }
  const kdf = o.kdf;
  if (
    kdf?.algorithm !== 'argon2id' ||
    !Number.isSafeInteger(kdf.memoryKiB) ||
    !Number.isSafeInteger(kdf.iterations) ||
    !Number.isSafeInteger(kdf.parallelism) ||
    kdf.memoryKiB < KDF_FLOOR.memoryKiB ||
    kdf.iterations < KDF_FLOOR.iterations ||
    kdf.parallelism < 1 ||
    kdf.memoryKiB > 4_194_304 ||
    kdf.iterations > 64 ||
    kdf.parallelism > 16
  ) {
    // Weaker parameters than the floor mean someone tampered with the file: refuse.
    throw new CliError(`Secret key file has unacceptable key-derivation parameters: ${path}`);
  }
  const salt = key(kdf.salt, 16, `Secret key file ${path}`);
  const nonce = key(o.nonce, nacl.secretbox.nonceLength, `Secret key file ${path}`);
  const ciphertext = key(
    o.ciphertext,
    96 + nacl.secretbox.overheadLength,
    `Secret key file ${path}`,
  );
  const kek = await deriveKek(passphrase, salt, kdf);
  const plain = nacl.secretbox.open(ciphertext, nonce, kek);
  kek.fill(0);
  if (plain === null) {
    throw new CliError('Wrong passphrase (or the secret key file is damaged).', 2);
  }
  const boxSecretKey = plain.slice(0, 32);
  const signSecretKey = plain.slice(32, 96);
  plain.fill(0);
  const derived = nacl.box.keyPair.fromSecretKey(boxSecretKey);
  derived.secretKey.fill(0); // a copy
  const keys: PartnerKeys = {
    boxPublicKey: derived.publicKey,
    boxSecretKey,
    signPublicKey: signSecretKey.slice(32),
    signSecretKey,
  };
  if (
    toBase64Url(keys.boxPublicKey) !== pub.boxPublicKey ||
    toBase64Url(keys.signPublicKey) !== pub.signPublicKey
  ) {
    wipeKeys(keys);
    throw new CliError(`${PUBLIC_FILE} and ${SECRET_FILE} in ${dir} do not belong together.`);
  }
  return keys;
}
