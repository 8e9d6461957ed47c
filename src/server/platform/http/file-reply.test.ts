import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { sendPdf } from './file-reply.ts';

describe('sendPdf', () => {
  it('sends a PDF inline, never cached, with its Japanese name and an ASCII fallback (RFC 5987)', async () => {
    const app = Fastify();
    app.get('/doc', (_req, reply) =>
      sendPdf(reply, Buffer.from('%PDF-1.7'), '妊娠届出書.pdf', 'notification.pdf'),
    );
    const res = await app.inject({ method: 'GET', url: '/doc' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="notification.pdf"; filename*=UTF-8''${encodeURIComponent('妊娠届出書.pdf')}`,
    );
    expect(res.body).toBe('%PDF-1.7');
    await app.close();
  });
});
