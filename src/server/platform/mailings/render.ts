import { labelSheets, renderBatch, renderLabels, renderToBuffer } from '../documents/index.ts';
import type { Renderer } from './service.ts';

/** The documents engine behind the mailings engine's Renderer port. */
export const documentsRenderer: Renderer = {
  renderToBuffer: (template, items, ctx) => renderToBuffer(template, items, ctx),
  renderBatch: (opts) => renderBatch(opts),
  renderLabels: (recipients, sheet) => renderLabels(recipients, labelSheets[sheet]),
};
