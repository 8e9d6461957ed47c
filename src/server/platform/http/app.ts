import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, AuditService } from '../audit/service.ts';
import type { AuthService, SessionUser } from '../auth/service.ts';
import { AppError } from '../errors/app-error.ts';

z.config(z.locales.ja());

/** 'public' (no session), 'authenticated' (any signed-in user) or a permission code. */
export type RoutePermission = string;

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** Reachable while the user still has to change the initial password. */
    allowDuringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    user?: SessionUser;
    sessionToken?: string;
  }
  interface FastifyInstance {
    /** Every API route with its declared permission (for the route × role test and docs). */
    routeTable: RouteInfo[];
  }
}

export type RouteInfo = { method: string; url: string; permission: RoutePermission };

export type ZApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse<IncomingMessage>,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const sessionCookie = 'sukoyaka_session';

export type HttpOptions = {
  auth: AuthService;
  audit: AuditService;
  permissionLabel: (p: string) => string | undefined;
  secureCookies: boolean;
  webRoot?: string;
  logLevel?: string;
};

/** The signed-in user of a route that requires a session (routes are never reached without one). */
export function userOf(req: FastifyRequest): SessionUser {
  if (!req.user) throw new AppError(401, 'UNAUTHENTICATED', 'ログインしてください。');
  return req.user;
}

export function actorOf(req: FastifyRequest): Actor {
  const u = userOf(req);
  return { userId: u.id, loginId: u.loginId, roleCode: u.roleCode, ip: req.ip };
}

function sendError(reply: FastifyReply, e: AppError) {
  return reply.status(e.status).send({ error: { code: e.code, message: e.message, details: e.details } });
}

export async function createHttpApp(opts: HttpOptions): Promise<ZApp> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info' },
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Every API route must declare its permission; a missing one stops the server from starting.
  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const p = route.config?.permission;
    if (!p) throw new Error(`route ${route.method} ${route.url} declares no permission`);
    if (p !== 'public' && p !== 'authenticated' && !opts.permissionLabel(p)) {
      throw new Error(`route ${route.method} ${route.url} declares unknown permission ${p}`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, permission: p });
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 2 * 1024 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'すこやか API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });

  app.addHook('onRequest', async (req, reply) => {
    const config = req.routeOptions.config;
    const permission = config?.permission;
    if (!req.url.startsWith('/api/') || permission === 'public' || !permission) return;
    const token = req.cookies[sessionCookie];
    const user = token ? await opts.auth.resolveSession(token) : undefined;
    if (!user || user === 'expired') {
      return sendError(
        reply,
        user === 'expired'
          ? new AppError(
              401,
              'SESSION_EXPIRED',
              'しばらく操作がなかったためログアウトしました。もう一度ログインしてください。',
            )
          : new AppError(401, 'UNAUTHENTICATED', 'ログインしてください。'),
      );
    }
    req.user = user;
    req.sessionToken = token;
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && req.headers['x-csrf-token'] !== user.csrfToken) {
      return sendError(
        reply,
        new AppError(
          403,
          'CSRF',
          '画面の有効期限が切れました。画面を再読み込みしてから、もう一度操作してください。',
        ),
      );
    }
    if (user.mustChangePassword && !config.allowDuringPasswordChange) {
      return sendError(
        reply,
        new AppError(
          403,
          'PASSWORD_CHANGE_REQUIRED',
          '初回ログインのため、パスワードを変更してから操作してください。',
        ),
      );
    }
    if (permission !== 'authenticated' && !user.permissions.includes(permission)) {
      await opts.audit.record(
        { userId: user.id, loginId: user.loginId, roleCode: user.roleCode, ip: req.ip },
        { action: 'denied', summary: `${req.method} ${req.routeOptions.url}`, detail: { permission } },
      );
      return sendError(
        reply,
        new AppError(
          403,
          'FORBIDDEN',
          `この操作を行う権限がありません（必要な権限: ${opts.permissionLabel(permission)}）。管理者に依頼してください。`,
        ),
      );
    }
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) return sendError(reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? '入力が正しくありません。',
      }));
      const first = fields[0];
      return sendError(
        reply,
        new AppError(
          400,
          'VALIDATION',
          first ? `入力に誤りがあります: ${first.message}` : '入力に誤りがあります。',
          { fields },
        ),
      );
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const messages: Record<number, string> = {
        413: 'ファイルが大きすぎます。',
        415: 'この形式のデータは受け付けられません。',
        404: 'ページが見つかりません。',
      };
      return sendError(
        reply,
        new AppError(status, 'BAD_REQUEST', messages[status] ?? '要求の形式が正しくありません。'),
      );
    }
    req.log.error(err);
    return sendError(
      reply,
      new AppError(
        500,
        'INTERNAL',
        'システムエラーが発生しました。時間をおいて再度お試しください。続く場合は管理者に連絡してください。',
      ),
    );
  });

  const zapp = app.withTypeProvider<ZodTypeProvider>();
  zapp.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  if (opts.webRoot && existsSync(opts.webRoot)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: opts.webRoot, wildcard: true });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return sendError(reply, new AppError(404, 'NOT_FOUND', 'ページが見つかりません。'));
    });
  } else {
    app.setNotFoundHandler((_req, reply) =>
      sendError(reply, new AppError(404, 'NOT_FOUND', 'ページが見つかりません。')),
    );
  }
  return zapp;
}
