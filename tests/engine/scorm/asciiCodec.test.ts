import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASCII85_ALPHABET, decodeAscii85, encodeAscii85 } from '../../../engine/scorm/asciiCodec';

describe('asciiCodec', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeAscii85(encodeAscii85(bytes))).toEqual(bytes);
      }),
    );
  });

  it('never writes characters LMSs mangle in stored or posted values', () => {
    expect(ASCII85_ALPHABET).toHaveLength(85);
    const text = encodeAscii85(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(text).not.toMatch(/["'\\`<>&%+\s]/);
  });

  it('packs four bytes into five characters', () => {
    expect(encodeAscii85(new Uint8Array(400))).toHaveLength(500);
  });

  it('rejects text with a character outside its alphabet', () => {
    expect(decodeAscii85('ab<cd')).toBeUndefined();
  });
});
