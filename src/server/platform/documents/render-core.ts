/**
 * Rendering one chunk of items into one PDF — shared by the in-process path and the worker threads.
 */
import { Layout } from './layout.ts';
import type { DocumentItem, DocumentTemplate, RenderContext, TemplateRegistry } from './types.ts';

const registries = new Map<string, Promise<TemplateRegistry>>();

/** Loads a registry module (`export const templates: TemplateRegistry`) once per thread. */
export function loadRegistry(registryUrl: string): Promise<TemplateRegistry> {
  let registry = registries.get(registryUrl);
  if (!registry) {
    registry = import(registryUrl).then((mod: { templates?: TemplateRegistry }) => {
      if (!mod.templates)
        throw new Error(`帳票テンプレートの登録モジュールに templates がありません: ${registryUrl}`);
      return mod.templates;
    });
    registries.set(registryUrl, registry);
    registry.catch(() => registries.delete(registryUrl));
  }
  return registry;
}

/** Registers an already imported registry (bundled worker threads import it with the worker, not by URL). */
export function preloadRegistry(registryUrl: string, templates: TemplateRegistry): void {
  registries.set(registryUrl, Promise.resolve(templates));
}

/** The template `code` from the registry module at `registryUrl`. */
export async function loadTemplate(registryUrl: string, code: string): Promise<DocumentTemplate<unknown>> {
  const templates = await loadRegistry(registryUrl);
  const template = templates[code];
  if (!template) throw new Error(`帳票テンプレートが見つかりません: ${code}`);
  return template as unknown as DocumentTemplate<unknown>;
}

/** Renders items into one PDF; each item's pages carry its sequence number in the footer. */
export async function renderChunk(
  template: DocumentTemplate<unknown>,
  items: Iterable<DocumentItem<unknown>>,
  ctx: RenderContext,
): Promise<{ buffer: Buffer; pages: number }> {
  const layout = new Layout({ title: template.title });
  for (const item of items) {
    layout.beginItem(item.seq);
    const before = layout.pages;
    template.render(layout, item, ctx);
    if (layout.pages === before) {
      throw new Error(`帳票テンプレート ${template.code} が1ページも出力しませんでした（通番 ${item.seq}）`);
    }
  }
  layout.beginItem(null);
  if (layout.pages === 0) layout.newPage(); // an empty batch still gives a valid PDF
  const pages = layout.pages;
  return { buffer: await layout.end(), pages };
}
