/** UTF-8 (with or without BOM) or Shift_JIS (CP932), decided from the first bytes. */
export function detectEncoding(sample: Buffer): 'utf8' | 'cp932' {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf8';
  } catch {
    return 'cp932';
  }
}
