/** Text of an exported file: UTF-8 with or without a byte-order mark, UTF-16 as Excel's "Unicode text", else Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16' };
  // Without a byte-order mark, UTF-16 text shows as a zero byte beside each of its first (ASCII) characters.
  const ascii = (i: number) => bytes[i] !== undefined && (bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d || (bytes[i]! >= 0x20 && bytes[i]! < 0x7f));
  if (ascii(0) && bytes[1] === 0 && ascii(2) && bytes[3] === 0) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16' };
  if (bytes[0] === 0 && ascii(1) && bytes[2] === 0 && ascii(3)) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Older case-management systems still export in the Windows code page.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}
