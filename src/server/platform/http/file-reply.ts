/** Headers of a file sent in a reply: Content-Disposition with a Japanese file name (RFC 5987) and PDF headers. */
import type { FastifyReply } from 'fastify';

/** `inline` (shown in the browser) or `attachment` (downloaded), with an ASCII fallback name for old clients. */
export const disposition = (kind: 'inline' | 'attachment', name: string, fallback: string) =>
  `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** A PDF shown in a new tab, never cached (it holds personal data). */
export const pdfHeaders = (fileName: string, fallback: string): Record<string, string> => ({
  'content-type': 'application/pdf',
  'content-disposition': disposition('inline', fileName, fallback),
  'cache-control': 'no-store',
});

/**
 * Sends a PDF of one person's document (受診券, 通知, 依頼書 …) inline with {@link pdfHeaders}: a Japanese file
 * name for 「名前を付けて保存」 and never cached, so a shared counter PC keeps no copy.
 */
export const sendPdf = (reply: FastifyReply, body: Buffer, fileName: string, fallback: string) =>
  reply.headers(pdfHeaders(fileName, fallback)).send(body);
