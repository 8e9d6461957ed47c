export * from './encoding.ts';
export * from './kana.ts';
export * from './search-key.ts';
export * from './sjis.ts';
export * from './zengin.ts';
