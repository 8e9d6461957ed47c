/**
 * An error meant for the user: `message` is Japanese and says what is wrong and how to fix it.
 * `code` is stable for clients and tests; `status` is the HTTP status.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what}が見つかりません。`);

export const conflict = (what: string, current?: unknown) =>
  new AppError(
    409,
    'VERSION_CONFLICT',
    `${what}は他の利用者が先に更新しました。入力内容は残っています。最新の内容を確認してから、もう一度保存してください。`,
    current === undefined ? undefined : { current },
  );

export const badRequest = (message: string, details?: unknown) =>
  new AppError(400, 'BAD_REQUEST', message, details);
