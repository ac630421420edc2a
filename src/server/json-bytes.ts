/**
 * JSON.stringify straight to UTF-8 bytes, for the public calculator's answers. An answer is mostly
 * the same Vietnamese labels again and again: each string's escaped, UTF-8-encoded form is kept as a
 * one-byte string (one char per byte), so an answer is a concatenation of one-byte strings whose
 * copy into a Buffer is a memcpy. The plain way (JSON.stringify of two-byte text, Buffer.byteLength,
 * then the UTF-8 encode of the whole answer) takes about twice as long (bench/README.md).
 * The bytes are exactly those of Buffer.from(JSON.stringify(value)).
 */
const MAX_CACHED = 4096;
const MAX_CACHED_LENGTH = 256;
const cache = new Map<string, string>();
// JSON.stringify escapes control characters, so its output is printable ASCII or else non-ASCII.
const NOT_PRINTABLE_ASCII = /[^ -~]/;

/** `"…"` of a string, escaped as JSON.stringify does, as one char per UTF-8 byte. */
export function quoted(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const json = JSON.stringify(text);
  const bytes = !NOT_PRINTABLE_ASCII.test(json) ? json : Buffer.from(json, 'utf8').toString('latin1');
  if (text.length <= MAX_CACHED_LENGTH) {
    // Inputs can echo arbitrary text: the cache is a bounded memo, not a store.
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(text, bytes);
  }
  return bytes;
}

/** The JSON of `value` as one char per byte; undefined where JSON.stringify leaves it out. */
export function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') return write(toJSON.call(value));
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += write(value[i]) ?? 'null';
        }
        return `${out}]`;
      }
      let out = '{';
      const keys = Object.keys(value);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const item = write((value as Record<string, unknown>)[key]);
        if (item === undefined) continue;
        out += out.length > 1 ? `,${quoted(key)}:` : `${quoted(key)}:`;
        out += item;
      }
      return `${out}}`;
    }
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    default:
      // undefined, functions and symbols.
      return undefined;
  }
}

export function jsonBytes(value: unknown): Buffer {
  return latin1Bytes(write(value) ?? 'null');
}

/** A one-char-per-byte string as its bytes. */
export function latin1Bytes(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}
