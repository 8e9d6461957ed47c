/**
 * Japanese fonts for PDF output: Noto Sans JP (OFL) from the npm package @expo-google-fonts/noto-sans-jp, so no
 * OS font package is needed. pdfkit embeds a subset of each font (only the glyphs used) with a ToUnicode map,
 * so the text stays searchable and extractable (see pdf-text.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Absolute paths of the TrueType files. */
export const fontPaths = {
  /** Noto Sans JP Regular (400) */
  regular: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
  /** Noto Sans JP Bold (700) */
  bold: require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
} as const;

export type FontWeight = keyof typeof fontPaths;

const cache = new Map<FontWeight, Buffer>();

/** The font file's bytes, read once per process (or worker thread) and shared by every document. */
export function fontData(weight: FontWeight): Buffer {
  let data = cache.get(weight);
  if (!data) {
    data = readFileSync(fontPaths[weight]);
    cache.set(weight, data);
  }
  return data;
}
