/**
 * CRC-32 (IEEE 802.3, the zip and gzip checksum). Node 20 before 20.15 has no zlib.crc32,
 * and the engines field allows them, so the zip reader checks entries with this one.
 */

/** The 256 remainders of the reflected polynomial 0xEDB88320, computed once. */
const TABLE = makeTable()

function makeTable(): Uint32Array {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
}

/** The CRC-32 of `bytes`, as an unsigned 32-bit number (what zip headers store). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = (TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
