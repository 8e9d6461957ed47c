/**
 * The import engine (取込, ADR 0008): modules register an ImportTarget; the engine keeps the 取込設定, runs the
 * dry run and the commit as jobs (`imports.validate`, `imports.commit`, params carry the run id), lists the rows
 * and writes the error file. Commit is all-or-nothing unless the user chooses 正しい行だけ取り込む (onlyValid).
 */
import type { Actor, AuditService } from '../audit/service.ts';
import type { Database } from '../db/connect.ts';
import { AppError, conflict, notFound } from '../errors/app-error.ts';
import type { FileStore } from '../files/store.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { type CommitParams, commitRun } from './commit.ts';
import { type ErrorRow, errorFileChunks, errorFileName, errorFileType } from './error-file.ts';
import { checkSetting, type ImportSettingInput, parseHeaderLine, suggestMapping } from './mapping.ts';
import { type ImportRun, type ImportSetting, importsRepository, type RowAction } from './repository.ts';
import type { ImportTarget } from './types.ts';
import { type AnyTarget, type EngineDeps, targetFields, validateRun } from './validate.ts';

export const validateJobKind = 'imports.validate';
export const commitJobKind = 'imports.commit';

/**
 * How long the rows of a finished run are kept (days from the upload): after that they are deleted when a new
 * run starts, and the run says so (docs/operations.md).
 */
export const rowRetentionDays = 90;
/** At most this many old runs are cleared per new run (each clear is one indexed DELETE by run). */
const clearPerRun = 20;

export type ImportEngineDeps = {
  database: Database;
  files: FileStore;
  jobs: JobRunner;
  audit: AuditService;
  /** Rows per chunk of the dry run and the commit (one transaction each). */
  chunkSize?: number;
  /** Days the rows of a finished run are kept; default rowRetentionDays. */
  retentionDays?: number;
};

/** What an upload carries, checked before the file is stored. */
export type PreparedRun = { setting: ImportSetting; params: unknown };

export function importEngine(deps: ImportEngineDeps) {
  const { database, files, jobs, audit } = deps;
  const repo = importsRepository(database);
  const targets = new Map<string, AnyTarget>();
  const target = (kind: string): AnyTarget => {
    const t = targets.get(kind);
    if (!t) throw new AppError(404, 'NOT_FOUND', `取込の種類「${kind}」は登録されていません。`);
    return t;
  };
  const retentionDays = deps.retentionDays ?? rowRetentionDays;
  const engineDeps: EngineDeps = { database, files, audit, target, chunkSize: deps.chunkSize ?? 2000 };
  jobs.register(validateJobKind, (ctx) => validateRun(ctx, engineDeps));
  jobs.register(commitJobKind, (ctx) => commitRun(ctx, engineDeps));

  async function runOf(kind: string, id: number): Promise<ImportRun> {
    const run = await repo.run(id, kind);
    if (!run) throw notFound('取込');
    return run;
  }

  /** Retention: the rows of old finished runs (any target) go when a new run starts; audited when any went. */
  async function clearOldRows(actor: Actor, screen: string) {
    const note = `明細は保存期間（${retentionDays}日）を過ぎたため削除しました。`;
    const ids = await database.transaction((tx) =>
      importsRepository(tx).clearOldRows(retentionDays, note, clearPerRun),
    );
    if (ids.length)
      await audit.record(actor, {
        action: 'delete',
        screen,
        summary: `保存期間（${retentionDays}日）を過ぎた取込${ids.length}件の明細を削除`,
        detail: { runIds: ids },
      });
  }

  async function checkName(kind: string, name: string, id: number | null) {
    if (await repo.nameTaken(kind, name, id))
      throw new AppError(
        409,
        'SETTING_NAME_TAKEN',
        `取込設定「${name}」は既にあります。別の名前にしてください。`,
      );
  }

  return {
    register<T, P, W>(t: ImportTarget<T, P, W>): void {
      if (targets.has(t.kind)) throw new Error(`import target ${t.kind} registered twice`);
      targets.set(t.kind, t as AnyTarget);
    },

    async meta(kind: string) {
      const t = target(kind);
      return { kind: t.kind, label: t.label, fields: await targetFields(t, database) };
    },

    settings(kind: string) {
      target(kind);
      return repo.settings(kind);
    },

    async createSetting(actor: Actor, kind: string, input: ImportSettingInput, screen: string) {
      const t = target(kind);
      checkSetting(await targetFields(t, database), input);
      await checkName(kind, input.name, null);
      const s = await repo.insertSetting(kind, input, actor.userId);
      await audit.record(actor, {
        action: 'create',
        screen,
        summary: `${t.label}の取込設定「${s.name}」を作成`,
      });
      return s;
    },

    async updateSetting(
      actor: Actor,
      kind: string,
      id: number,
      input: ImportSettingInput & { version: number },
      screen: string,
    ) {
      const t = target(kind);
      checkSetting(await targetFields(t, database), input);
      await checkName(kind, input.name, id);
      const s = await repo.updateSetting(kind, id, input, input.version);
      if (!s) {
        const current = await repo.setting(kind, id);
        if (!current) throw notFound('取込設定');
        throw conflict('この取込設定', current);
      }
      await audit.record(actor, {
        action: 'update',
        screen,
        summary: `${t.label}の取込設定「${s.name}」を変更`,
      });
      return s;
    },

    /** Deletes a 取込設定 at the version read; its runs keep working from their copy of it. */
    async deleteSetting(actor: Actor, kind: string, id: number, version: number, screen: string) {
      const t = target(kind);
      const current = await repo.setting(kind, id);
      if (!current) throw notFound('取込設定');
      if (!(await repo.deleteSetting(kind, id, version))) {
        const now = await repo.setting(kind, id);
        if (!now) throw notFound('取込設定');
        throw conflict('この取込設定', now);
      }
      await audit.record(actor, {
        action: 'delete',
        screen,
        summary: `${t.label}の取込設定「${current.name}」を削除`,
        detail: { settingId: id },
      });
    },

    /** Proposes a mapping from a header line (comma or tab separated, quoted cells allowed). */
    async suggest(kind: string, headerLine: string) {
      const t = target(kind);
      return suggestMapping(await targetFields(t, database), parseHeaderLine(headerLine));
    },

    /** Checks what the upload carries before the file is stored (setting, params). */
    async prepareRun(kind: string, settingId: number, rawParams: unknown): Promise<PreparedRun> {
      const t = target(kind);
      const setting = await repo.setting(kind, settingId);
      if (!setting)
        throw new AppError(400, 'BAD_SETTING', '取込設定を選んでください（選んだ設定が見つかりません）。');
      const params = t.params ? t.params(rawParams) : (rawParams ?? {});
      return { setting, params };
    },

    /** Creates the run and starts the dry run. */
    async startRun(
      actor: Actor,
      kind: string,
      prepared: PreparedRun,
      file: { fileId: number; fileName: string },
      screen: string,
    ) {
      const t = target(kind);
      await clearOldRows(actor, screen);
      const { id: _i, target: _t, version: _v, ...setting } = prepared.setting;
      const run = await repo.insertRun({
        target: kind,
        settingId: prepared.setting.id,
        setting,
        params: prepared.params,
        createdBy: actor.userId,
        ...file,
      });
      const job = await jobs.enqueue(
        validateJobKind,
        `${t.label}の取込（検証）`,
        { runId: run.id },
        actor.userId,
      );
      await audit.record(actor, {
        action: 'upload',
        screen,
        summary: `${t.label}の取込ファイル ${file.fileName} を受付`,
        detail: { runId: run.id },
      });
      return { run: (await repo.updateRun(run.id, { validateJobId: job.id }))!, job };
    },

    runs(kind: string) {
      target(kind);
      return repo.runs(kind, 50);
    },
    run: runOf,

    async rows(
      actor: Actor,
      kind: string,
      id: number,
      q: { action?: RowAction; offset: number; limit: number },
      screen: string,
    ) {
      await runOf(kind, id);
      const page = await repo.rows(id, q.action, q.offset, q.limit);
      const residentIds = [
        ...new Set(page.rows.flatMap((r) => (r.residentId ? [Number(r.residentId)] : []))),
      ];
      if (residentIds.length)
        await audit.record(actor, {
          action: 'view',
          screen,
          residentIds,
          summary: `${target(kind).label}の取込結果（${id}）の一覧`,
        });
      return page;
    },

    /** All-or-nothing unless onlyValid; a stopped commit (failed/cancelled job) is resumed the same way. */
    async commit(actor: Actor, kind: string, id: number, onlyValid: boolean, screen: string) {
      const t = target(kind);
      const run = await runOf(kind, id);
      const resumable =
        (run.status === 'committing' || run.status === 'cancelled') && run.commitJobId !== null;
      if (resumable) {
        const job = await jobs.get(run.commitJobId!);
        if (job.status === 'queued' || job.status === 'running')
          throw new AppError(409, 'COMMITTING', 'この取込は取り込み中です。終わるまでお待ちください。');
      } else if (run.status !== 'validated') {
        const why: Record<string, string> = {
          validating: '検証中です。検証が終わってから取り込んでください。',
          committed: 'この取込は取り込み済みです。',
          failed:
            'このファイルは読めなかったため取り込めません。ファイルを直して、もう一度アップロードしてください。',
          cancelled: 'この取込は取り消されました。もう一度アップロードしてください。',
        };
        throw new AppError(409, 'NOT_VALIDATED', why[run.status] ?? 'この取込は取り込めません。');
      }
      const errors = run.counts.error ?? 0;
      if (errors > 0 && !onlyValid && !(resumable && run.onlyValid))
        throw new AppError(
          409,
          'HAS_ERRORS',
          `${errors}行に誤りがあるため取り込めません。エラー行ファイルをダウンロードして直し、その行だけ取り込み直すか、「正しい行だけ取り込む」を選んでください。`,
          { errors },
        );
      const updated = await repo.updateRun(
        id,
        { status: 'committing', onlyValid: onlyValid || run.onlyValid, message: '取り込んでいます。' },
        [run.status],
      );
      if (!updated) throw conflict('この取込');
      const params: CommitParams = { runId: id, actor, screen };
      const job = await jobs.enqueue(commitJobKind, `${t.label}の取込`, params, actor.userId);
      await audit.record(actor, {
        action: 'update',
        screen,
        summary: `${t.label}の取込（${run.fileName}）を開始${onlyValid ? '（正しい行だけ）' : ''}`,
        detail: { runId: id, onlyValid },
      });
      return { run: (await repo.updateRun(id, { commitJobId: job.id }))!, job };
    },

    /** The error file: name, content type and the bytes as a stream (audited with the rows' residents). */
    async errorFile(actor: Actor, kind: string, id: number, screen: string) {
      const run = await runOf(kind, id);
      if (run.rowsNote)
        throw new AppError(
          410,
          'ROWS_CLEARED',
          `${run.rowsNote.replace(/。$/, '')}。エラー行ファイルは出せません。取込の結果（件数）は取込履歴で確かめられます。`,
        );
      const checked =
        ['validated', 'committing', 'committed'].includes(run.status) ||
        (run.status === 'cancelled' && run.commitJobId !== null);
      if (!checked || !run.header)
        throw new AppError(
          409,
          'NOT_VALIDATED',
          run.status === 'failed'
            ? 'このファイルは読めなかったため、エラー行ファイルはありません。取込の結果に出ている理由を確かめてください。'
            : '検証が終わっていません。検証が終わってから出力してください。',
        );
      const info = run.header;
      const residentIds = new Set<number>();
      let count = 0;
      async function* pages(): AsyncGenerator<ErrorRow[]> {
        let after = { chunkNo: -1, rowNo: 0 };
        for (;;) {
          const page = await repo.errorRows(id, after, 5000);
          if (!page.length) break;
          for (const r of page) if (r.residentId) residentIds.add(Number(r.residentId));
          count += page.length;
          after = page[page.length - 1]!;
          yield page;
        }
        await audit.record(actor, {
          action: 'export',
          screen,
          residentIds: [...residentIds],
          residentCount: residentIds.size,
          summary: `${target(kind).label}のエラー行ファイル（${run.fileName}、${count}行）`,
        });
      }
      return {
        name: errorFileName(run.fileName, info),
        contentType: errorFileType(info),
        body: errorFileChunks(info, pages()),
      };
    },
  };
}

export type ImportEngine = ReturnType<typeof importEngine>;
