/** Text of an exported file: UTF-8 with or without a byte-order mark, UTF-16 as Excel's "Unicode text", else Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const encoding = encodingOf(bytes);
  if (encoding !== 'utf-8') return { text: new TextDecoder(encoding).decode(bytes), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Older case-management systems still export in the Windows code page.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

/** The encoding a file's first bytes show: UTF-16 by its byte-order mark or its zero bytes, else UTF-8 (or Windows-1252, found only by reading on). */
export function encodingOf(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-8' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Without a byte-order mark, UTF-16 text shows as a zero byte beside each of its first (ASCII) characters.
  const ascii = (i: number) => bytes[i] !== undefined && (bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d || (bytes[i]! >= 0x20 && bytes[i]! < 0x7f));
  if (ascii(0) && bytes[1] === 0 && ascii(2) && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && ascii(1) && bytes[2] === 0 && ascii(3)) return 'utf-16be';
  return 'utf-8';
}
