/**
 * The documents engine's contract: templates are code (a module registers them in
 * src/server/document-templates.ts), rendered with the Layout API in millimetres onto A4 pages.
 */

/** Who a letter goes to: the window-envelope address block. */
export type Recipient = {
  /** 7 digits, no hyphen ('' when unknown: no 〒 line and no customer barcode). */
  postalCode: string;
  address: string;
  /** 方書 (building / room) */
  addressExtra: string;
  /** The addressee printed with 様 (the resident, or a registered 送付先's name). */
  name: string;
  /** e.g. 「すこやか 花子 様方」 or a facility line printed above the name (送付先 = 代理人/施設). */
  careOf?: string;
};

/** The municipality block printed on every document (自治体設定). */
export type Sender = {
  municipalityName: string;
  mayorTitle: string;
  mayorName: string;
  centerName: string;
  centerPostalCode: string;
  centerAddress: string;
  centerPhone: string;
};

/** One document to render: one person (one or more pages). */
export type DocumentItem<P = unknown> = {
  /** Sequence number in the batch (1-based), printed small in the footer for pull-out work. */
  seq: number;
  recipient: Recipient;
  payload: P;
};

export type RenderContext = {
  sender: Sender;
  /** 発行日 / 発送日 printed in 和暦 (YYYY-MM-DD). */
  issueDate: string;
};

/**
 * A template draws one item onto the Layout (it calls layout.newPage() for each page it needs).
 * It must be a pure function of (item, ctx): the same input gives the same pages.
 */
export type DocumentTemplate<P = unknown> = {
  code: string;
  /** 帳票名 shown on screens and in file names, e.g. 受診票（券）. */
  title: string;
  render(layout: import('./layout.ts').Layout, item: DocumentItem<P>, ctx: RenderContext): void;
};

/** A module exports `templates` from a registry module whose URL the renderer loads (also in workers). */
export type TemplateRegistry = Record<string, DocumentTemplate<never>>;
