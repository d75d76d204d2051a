import { describe, expect, it } from 'vitest';
import { hashPin, isUsablePinHash, PIN_COST, verifyPin } from '../../../main/services/pinHash';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('PIN hashing', () => {
  it('hashes new PINs with scrypt at OWASP’s cost (N 2^17, r 8, p 1), and that hash checks the PIN', async () => {
    expect(PIN_COST).toEqual({ N: 131072, r: 8, p: 1 });
    const stored = await hashPin('4821');
    expect(stored).toMatchObject({ scheme: 'scrypt', N: 131072, r: 8, p: 1 });
    expect(await verifyPin('4821', stored)).toBe(true);
    expect(await verifyPin('4822', stored)).toBe(false);
  }, 20_000);

  it('salts every hash, so one PIN never gives the same hash twice', async () => {
    const [a, b] = await Promise.all([hashPin('4821', CHEAP), hashPin('4821', CHEAP)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('4821');
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(a.hash, 'base64')).toHaveLength(32);
  });

  it('checks a PIN at the cost its hash was made with, so raising the cost later keeps old PINs working', async () => {
    const old = await hashPin('123456', { N: 2 ** 11, r: 8, p: 1 });
    expect(old.N).toBe(2048);
    expect(await verifyPin('123456', old)).toBe(true);
    expect(await verifyPin('12345', old)).toBe(false);
  });

  it('tells a usable stored hash from a damaged one, refusing costs that would take minutes or gigabytes', async () => {
    const good = await hashPin('4821', CHEAP);
    expect(isUsablePinHash(good)).toBe(true);
    for (const damaged of [
      undefined,
      'x',
      { ...good, scheme: 'md5' },
      { ...good, N: 3 },
      { ...good, N: 2 ** 21 },
      { ...good, r: 0 },
      { ...good, p: 64 },
      { ...good, salt: 'c2hvcnQ=' },
      { ...good, hash: 42 },
    ]) {
      expect(isUsablePinHash(damaged), JSON.stringify(damaged)).toBe(false);
    }
  });
});
