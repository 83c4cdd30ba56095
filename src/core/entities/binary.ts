/**
 * A tiny sectioned binary container for model files: named byte sections, each aligned
 * to 8 bytes so that typed-array views can be laid over them without copying. Pure (no
 * Node APIs): the core receives the bytes from whatever loaded them.
 *
 * Layout (little-endian): magic `MRSD`, u32 version, u32 section count, then per section
 * u32 name length, the UTF-8 name, padding to 4, u32 byte length, padding to 8, the bytes,
 * padding to 8.
 */
import { MarsadError } from '../errors.js';

const MAGIC = 0x4453524d; // "MRSD" read as a little-endian u32
const VERSION = 1;

const pad = (n: number, to: number): number => (n + to - 1) & ~(to - 1);

/** Packs named sections into one buffer. Typed arrays are stored as their raw little-endian bytes. */
export function packSections(sections: ReadonlyMap<string, ArrayBufferView>): Uint8Array {
  const enc = new TextEncoder();
  const names = [...sections.keys()].map((n) => enc.encode(n));
  let size = 12;
  let i = 0;
  for (const view of sections.values()) {
    size = pad(size + 4 + names[i].length, 4) + 4;
    size = pad(size, 8) + view.byteLength;
    size = pad(size, 8);
    i++;
  }
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, VERSION, true);
  dv.setUint32(8, sections.size, true);
  let at = 12;
  i = 0;
  for (const view of sections.values()) {
    dv.setUint32(at, names[i].length, true);
    out.set(names[i], at + 4);
    at = pad(at + 4 + names[i].length, 4);
    dv.setUint32(at, view.byteLength, true);
    at = pad(at + 4, 8);
    out.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), at);
    at = pad(at + view.byteLength, 8);
    i++;
  }
  return out;
}

/**
 * Reads the sections of a container. The returned views share memory with `bytes` when it
 * is 8-byte aligned, and with one aligned copy otherwise.
 * @throws MarsadError `MODEL_CORRUPT` when the bytes are not a container or are truncated.
 */
export function unpackSections(bytes: Uint8Array, what = 'model file'): Map<string, Uint8Array> {
  const corrupt = (why: string): MarsadError => new MarsadError('MODEL_CORRUPT', `The ${what} is not a valid Marsad model container: ${why}.`);
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  if (bytes.byteLength < 12) throw corrupt('too short');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) throw corrupt('bad magic number');
  if (dv.getUint32(4, true) !== VERSION) throw corrupt(`unsupported version ${dv.getUint32(4, true)}`);
  const count = dv.getUint32(8, true);
  const dec = new TextDecoder();
  const sections = new Map<string, Uint8Array>();
  let at = 12;
  for (let s = 0; s < count; s++) {
    if (at + 4 > bytes.byteLength) throw corrupt('truncated section header');
    const nameLength = dv.getUint32(at, true);
    const name = dec.decode(bytes.subarray(at + 4, at + 4 + nameLength));
    at = pad(at + 4 + nameLength, 4);
    if (at + 4 > bytes.byteLength) throw corrupt('truncated section header');
    const length = dv.getUint32(at, true);
    at = pad(at + 4, 8);
    if (at + length > bytes.byteLength) throw corrupt(`section "${name}" runs past the end`);
    sections.set(name, bytes.subarray(at, at + length));
    at = pad(at + length, 8);
  }
  return sections;
}

/** A section as a typed array of the given kind. */
export function sectionAs<T extends Float32Array | Uint32Array | Int32Array | Uint16Array | Int16Array>(
  sections: ReadonlyMap<string, Uint8Array>,
  name: string,
  Kind: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number },
  what = 'model file',
): T {
  const bytes = sections.get(name);
  if (!bytes) throw new MarsadError('MODEL_CORRUPT', `The ${what} has no section "${name}".`);
  return new Kind(bytes.buffer, bytes.byteOffset, bytes.byteLength / Kind.BYTES_PER_ELEMENT);
}

/** A section holding UTF-8 JSON, parsed. */
export function sectionJson<T>(sections: ReadonlyMap<string, Uint8Array>, name: string, what = 'model file'): T {
  const bytes = sections.get(name);
  if (!bytes) throw new MarsadError('MODEL_CORRUPT', `The ${what} has no section "${name}".`);
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

/** UTF-8 JSON bytes for a section. */
export function jsonSection(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}
