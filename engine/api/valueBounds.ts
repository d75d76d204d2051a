// Bounds on the size and shape of every value that crosses the Studio API. Schemas say
// what a field must be; this says how big anything may be, before any schema walks it,
// so one request cannot be nested so deeply that saving it overflows the stack, nor so
// large that it fills memory. The walk is iterative (a deep value cannot overflow it)
// and stops at the first limit passed, so its cost is bounded by the limits themselves.

/** How big a value may be. */
export interface ValueLimits {
  /** Deepest nesting of lists and objects (a flat list is depth 1). */
  depth: number;
  /** Most values in all: every list item, object field and scalar counts one. */
  nodes: number;
  /** Longest single text, in characters. */
  stringChars: number;
  /** Most characters in all texts and field names together. */
  totalChars: number;
}

/**
 * Limits of a Studio API argument. The largest real ones are a workbench of 100 tabs
 * (about 400 values) and a learning event carrying a scenario snapshot (depth 4, a
 * path of at most a few hundred choices); a reflection or note is at most 20,000
 * characters. These leave generous room above that and far below harm.
 */
export const API_VALUE_LIMITS: ValueLimits = { depth: 16, nodes: 10_000, stringChars: 100_000, totalChars: 1_000_000 };

/** Where a value passed a limit (keys and list indexes from the root) and what it broke, as the end of a sentence. */
export interface OutOfBounds {
  path: ReadonlyArray<string | number>;
  problem: string;
}

/** Checks `value` against `limits`; undefined when it is within them. */
export function checkValueBounds(value: unknown, limits: ValueLimits = API_VALUE_LIMITS): OutOfBounds | undefined {
  const stack: Array<{ value: unknown; depth: number; path: ReadonlyArray<string | number> }> = [{ value, depth: 0, path: [] }];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    nodes++;
    if (nodes > limits.nodes) return { path: item.path, problem: `holds more than ${limits.nodes} values in all` };
    const v = item.value;
    if (typeof v === 'string') {
      if (v.length > limits.stringChars) return { path: item.path, problem: `is a text of ${v.length} characters, more than the ${limits.stringChars} allowed` };
      chars += v.length;
      if (chars > limits.totalChars) return { path: item.path, problem: `holds more than ${limits.totalChars} characters of text in all` };
      continue;
    }
    if (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean') continue;
    if (typeof v !== 'object' || !isPlainContainer(v)) {
      return { path: item.path, problem: 'must hold only plain data: text, numbers, true or false, null, lists and objects' };
    }
    if (item.depth >= limits.depth) return { path: item.path, problem: `is nested more than ${limits.depth} levels deep` };
    if (Array.isArray(v)) {
      // A sparse list claims its length without holding the items: count what it claims.
      if (nodes + v.length > limits.nodes) return { path: item.path, problem: `holds more than ${limits.nodes} values in all` };
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth: item.depth + 1, path: [...item.path, i] });
      continue;
    }
    const keys = Object.keys(v);
    if (nodes + keys.length > limits.nodes) return { path: item.path, problem: `holds more than ${limits.nodes} values in all` };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      chars += key.length;
      if (chars > limits.totalChars) return { path: item.path, problem: `holds more than ${limits.totalChars} characters of text in all` };
      stack.push({ value: (v as Record<string, unknown>)[key], depth: item.depth + 1, path: [...item.path, key] });
    }
  }
  return undefined;
}

/** A path as the API's sentences write it: `event.snapshot.context.path[3]`. */
export function formatValuePath(base: string, path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${key}`), base);
}

function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
