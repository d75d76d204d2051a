// Binary <-> printable ASCII for SCORM string fields. Base-85 packs 4 bytes into
// 5 characters (base64 needs 5.33), and the alphabet leaves out the characters
// that LMSs mangle when they store or post CMI values: quotes, backslash,
// backtick, the XML specials < > &, and % + from form encoding.

const ALPHABET = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i))
  .filter((ch) => !`"'\\\`<>&%+`.includes(ch))
  .join('');
const VALUE: Record<string, number> = Object.fromEntries([...ALPHABET].map((ch, i) => [ch, i]));

/** The 85 characters the encoding uses, in digit order. */
export const ASCII85_ALPHABET = ALPHABET;

/** Encodes bytes as base-85 text; a trailing group of n bytes becomes n + 1 characters. */
export function encodeAscii85(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const n = Math.min(4, bytes.length - i);
    let word = 0;
    for (let k = 0; k < 4; k++) word = word * 256 + (k < n ? (bytes[i + k] ?? 0) : 0);
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(ALPHABET[word % 85] ?? '');
      word = Math.floor(word / 85);
    }
    out += digits.slice(0, n + 1).join('');
  }
  return out;
}

/** Decodes text made by encodeAscii85, or returns undefined when it holds a foreign character. */
export function decodeAscii85(text: string): Uint8Array | undefined {
  const groups = Math.ceil(text.length / 5);
  const bytes: number[] = [];
  for (let g = 0; g < groups; g++) {
    const chunk = text.slice(g * 5, g * 5 + 5);
    if (chunk.length === 1) return undefined;
    let word = 0;
    for (let k = 0; k < 5; k++) {
      // Padding with the highest digit rounds the partial group up, as Ascii85 does.
      const value = k < chunk.length ? VALUE[chunk[k] ?? ''] : 84;
      if (value === undefined) return undefined;
      word = word * 85 + value;
    }
    if (word > 0xffffffff) return undefined;
    const group = [word >>> 24, (word >>> 16) & 255, (word >>> 8) & 255, word & 255];
    bytes.push(...group.slice(0, chunk.length - 1));
  }
  return Uint8Array.from(bytes);
}
