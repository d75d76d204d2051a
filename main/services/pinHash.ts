// A learner's PIN is kept only as a salted scrypt hash, with the cost it was made at,
// so the PIN itself is never on disk and a later version can raise the cost while
// still checking the PINs made before.
//
// The cost is OWASP's recommendation for scrypt in its Password Storage Cheat Sheet:
// N = 2^17, r = 8, p = 1, which needs 128 MiB of memory and a few hundred milliseconds
// of one core per check. A PIN has few digits, so no cost stops a patient attacker who
// has copied the progress file (10,000 four-digit PINs at that cost take hours, not
// seconds): the cost makes reading a PIN out of the file slow and costly, the memory
// it needs keeps GPUs from running many guesses at once, and the growing wait between
// wrong PINs (learnerAccess.ts) is what stops guessing at the app itself. Checks run on
// Node's thread pool (crypto.scrypt, not scryptSync), so the app stays responsive.

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** The scrypt parameters a hash was made with. */
export interface PinCost {
  /** CPU and memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelisation. */
  p: number;
}

/** A stored PIN: never the PIN, only what checks it. */
export interface PinHash extends PinCost {
  scheme: 'scrypt';
  /** 16 random bytes, base64. */
  salt: string;
  /** 32-byte scrypt output, base64. */
  hash: string;
}

/** The cost new PINs are hashed at (see the comment at the top of this file). */
export const PIN_COST: Readonly<PinCost> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

const SALT_BYTES = 16;
const HASH_BYTES = 32;
/** Largest cost a stored hash may ask for: a hand-edited file must not make a check take minutes or gigabytes. */
const MAX_N = 2 ** 20;

/** Hashes a PIN with a fresh salt at `cost`. */
export async function hashPin(pin: string, cost: PinCost = PIN_COST): Promise<PinHash> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(pin, salt, cost);
  return { scheme: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

/** True when `pin` is the PIN `stored` was made from; compares in constant time. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(pin, Buffer.from(stored.salt, 'base64'), stored);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** True when a value read from the progress file is a hash this version can check. */
export function isUsablePinHash(value: unknown): value is PinHash {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const whole = (n: unknown, max: number) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= max;
  const base64 = (s: unknown, bytes: number) => typeof s === 'string' && Buffer.from(s, 'base64').length === bytes;
  return (
    v.scheme === 'scrypt' &&
    whole(v.N, MAX_N) &&
    ((v.N as number) & ((v.N as number) - 1)) === 0 &&
    (v.N as number) > 1 &&
    whole(v.r, 32) &&
    whole(v.p, 16) &&
    base64(v.salt, SALT_BYTES) &&
    base64(v.hash, HASH_BYTES)
  );
}

function derive(pin: string, salt: Buffer, cost: PinCost): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node refuses more than maxmem (32 MiB by default).
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 128 * cost.N * cost.r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(pin, salt, HASH_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))));
}
