/** A Buffer over the same memory (no copy): Node's decoders want a Buffer, codecs hand out Uint8Array. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/**
 * A Buffer typed as the Uint8Array it is at run time: @types/node's Buffer predates TypeScript's
 * generic Uint8Array and does not type-check as one. No copy (a copy would bill the codec).
 */
export function asBytes(buffer: Buffer): Uint8Array {
  return buffer as unknown as Uint8Array;
}
