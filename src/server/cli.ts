import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { seedDemoCity } from './modules/residents/demo/seed.ts';
import { type ImportParams, importJobKind } from './modules/residents/index.ts';
import { loadConfig } from './platform/config/config.ts';
import { connect } from './platform/db/connect.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { migrate } from './platform/db/migrate.ts';
import { AppError } from './platform/errors/app-error.ts';
import { describeDatabase, openRuntime } from './runtime.ts';

/** `sukoyaka <command>`: operations and batch entry points; exit code ≠ 0 on failure (cron-friendly). */
const program = new Command('sukoyaka')
  .description('すこやか — 自治体向け健康管理システムの運用コマンド')
  .showHelpAfterError();

const cliActor = { userId: null, loginId: 'cli', roleCode: null } as const;

async function run(fn: () => Promise<number | undefined>): Promise<void> {
  try {
    process.exitCode = (await fn()) ?? 0;
  } catch (e) {
    if (e instanceof DataDirLockedError || e instanceof AppError) console.error(`エラー: ${e.message}`);
    else console.error('エラー:', e);
    process.exitCode = 1;
  }
  if (process.env.SUKOYAKA_REPORT_RSS) {
    console.error(`maxRSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  }
}

program
  .command('start')
  .description('サーバーを起動します（初回はデモ市を作成します）')
  .action(() =>
    run(async () => {
      const { startServer } = await import('./main.ts');
      await startServer(loadConfig());
      return undefined;
    }),
  );

program
  .command('db')
  .description('データベース')
  .command('migrate')
  .description('マイグレーションを適用します')
  .action(() =>
    run(async () => {
      const config = loadConfig();
      const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrate(database);
        console.log(`マイグレーションを適用しました: ${describeDatabase(config)}`);
      } finally {
        await database.close();
      }
      return 0;
    }),
  );

program
  .command('demo')
  .description('デモデータ')
  .command('seed')
  .description('合成のデモ市の住民を作成します（住民がいないデータベースにのみ）')
  .option('--residents <n>', '人数', '20000')
  .option('--seed <n>', '乱数の種', '1')
  .action((o: { residents: string; seed: string }) =>
    run(async () => {
      const services = await openRuntime(loadConfig());
      try {
        const n = Number(o.residents);
        const t = Date.now();
        let last = 0;
        await seedDemoCity(services.database, {
          residents: n,
          seed: Number(o.seed),
          encryptMyNumber: (m) => ({ enc: services.sealer.encrypt(m), mac: services.sealer.mac(m) }),
          onProgress: (done) => {
            if (done - last >= 100_000) {
              last = done;
              process.stderr.write(`  ${done.toLocaleString()}人…\n`);
            }
          },
        });
        const s = (Date.now() - t) / 1000;
        console.log(
          `デモ市の住民 ${n.toLocaleString()}人を作成しました（${s.toFixed(1)}秒、${Math.round(n / s).toLocaleString()}人/秒）。`,
        );
      } finally {
        await services.database.close();
      }
      return 0;
    }),
  );

program
  .command('users')
  .description('利用者')
  .command('create')
  .description('利用者を作成します（初回ログイン時にパスワード変更が必要）')
  .requiredOption('--login <id>', 'ログインID')
  .requiredOption('--name <name>', '氏名')
  .addOption(new Option('--role <code>', '役割コード').default('clerk'))
  .option('--password <password>', '初期パスワード（省略時は環境変数 SUKOYAKA_INITIAL_PASSWORD）')
  .action((o: { login: string; name: string; role: string; password?: string }) =>
    run(async () => {
      const password = o.password ?? process.env.SUKOYAKA_INITIAL_PASSWORD;
      if (!password)
        throw new AppError(
          400,
          'NO_PASSWORD',
          '--password または SUKOYAKA_INITIAL_PASSWORD で初期パスワードを指定してください。',
        );
      const services = await openRuntime(loadConfig());
      try {
        const user = await services.auth.createUser({
          loginId: o.login,
          displayName: o.name,
          roleCode: o.role,
          password,
          mustChangePassword: true,
        });
        await services.audit.record(cliActor, {
          action: 'admin',
          screen: 'CLI',
          summary: `利用者登録 ${user.loginId}`,
        });
        console.log(
          `利用者 ${user.loginId}（${user.displayName}、役割 ${user.roleCode}）を作成しました。初回ログイン時にパスワードの変更が必要です。`,
        );
      } finally {
        await services.database.close();
      }
      return 0;
    }),
  );

const screening = program.command('screening').description('成人検診');

screening
  .command('eligibility')
  .description('1人分の検診対象判定を、現在の事業マスタの設定で全検診について表示します')
  .requiredOption('--birth <date>', '生年月日（YYYY-MM-DD、和暦も可: S51.5.1）')
  .addOption(new Option('--sex <sex>', '性別').choices(['M', 'F']).makeOptionMandatory())
  .requiredOption('--fiscal-year <year>', '年度（西暦、例: 2026）')
  .option('--history <file>', '受診歴のJSONファイル: [{"program","date","method"?,"result"?}]')
  .option('--defaults', 'データベースを使わず、国の指針の既定値で判定します')
  .option('--json', 'JSONで出力します')
  .action(
    (o: {
      birth: string;
      sex: 'M' | 'F';
      fiscalYear: string;
      history?: string;
      defaults?: boolean;
      json?: boolean;
    }) =>
      run(async () => {
        const { eligibilityReport, parseHistory } = await import(
          './modules/adult-health/eligibility-report.ts'
        );
        const { nationalDefaults } = await import('./modules/programs/index.ts');
        const { parseDateInput } = await import('./platform/calendar/index.ts');
        const birth = parseDateInput(o.birth);
        if (!birth.ok) throw new AppError(400, 'BAD_REQUEST', `--birth: ${birth.message}`);
        const fiscalYear = Number(o.fiscalYear);
        if (!Number.isInteger(fiscalYear) || fiscalYear < 1900 || fiscalYear > 2200)
          throw new AppError(400, 'BAD_REQUEST', '--fiscal-year は西暦の年度（例: 2026）です。');
        let history: ReturnType<typeof parseHistory> = [];
        if (o.history) {
          if (!existsSync(o.history))
            throw new AppError(400, 'BAD_REQUEST', `履歴ファイルがありません: ${o.history}`);
          try {
            history = parseHistory(JSON.parse(await readFile(o.history, 'utf8')));
          } catch (e) {
            throw new AppError(400, 'BAD_REQUEST', e instanceof Error ? e.message : String(e));
          }
        }
        let settings = nationalDefaults();
        if (!o.defaults) {
          const services = await openRuntime(loadConfig());
          try {
            settings = await services.programs.settingsForYear(fiscalYear);
          } finally {
            await services.database.close();
          }
        }
        const rows = eligibilityReport(settings, { birthDate: birth.date, sex: o.sex, fiscalYear, history });
        if (o.json) console.log(JSON.stringify(rows, null, 2));
        else
          for (const r of rows)
            console.log(
              `${r.program.padEnd(15)} ${r.eligible ? '対象' : '対象外'}  年度末年齢 ${r.ageAtFiscalYearEnd ?? '-'}歳${r.coupon ? '  クーポン' : ''}${r.reasons.length ? `  ${r.reasons.join('、')}` : ''}`,
            );
        return 0;
      }),
  );

program
  .command('vaccination')
  .description('予防接種')
  .command('schedule')
  .description('1人分の定期接種のスケジュール（各回の期間・最短日・状態）を表示します')
  .option('--birth <date>', '生年月日（YYYY-MM-DD）')
  .option('--sex <sex>', '性別（M / F）')
  .option('--history <file>', '接種歴のJSONファイル: [{"vaccine","date","product"?}]')
  .option(
    '--specials <file>',
    '特例・除外のJSONファイル: [{"kind","vaccines"?,"disease"?,"reason"?,"date"?}]（docs/vaccination-rules.md）',
  )
  .option('--on <date>', '判定日（YYYY-MM-DD）')
  .option('--json', 'JSONで出力します')
  // Bad arguments exit with 2 (commander's own errors too), so scripts can tell them from failures.
  .exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : 2))
  .action(
    (o: { birth?: string; sex?: string; history?: string; specials?: string; on?: string; json?: boolean }) =>
      run(async () => {
        const { scheduleCommand, ScheduleArgumentError } = await import(
          './modules/vaccination/schedule-cli.ts'
        );
        try {
          console.log(await scheduleCommand(o));
          return 0;
        } catch (e) {
          if (!(e instanceof ScheduleArgumentError)) throw e;
          console.error(`エラー: ${e.message}`);
          return 2;
        }
      }),
  );

program
  .command('residents')
  .description('宛名（住民記録）')
  .command('import')
  .description('住民記録ファイル（CSV, UTF-8 / Shift_JIS）を取り込みます。docs/interfaces/residents.md 参照')
  .argument('<file>', 'CSVファイル')
  .addOption(
    new Option('--mode <mode>', '全件 (full) または異動分 (delta)')
      .choices(['full', 'delta'])
      .default('delta'),
  )
  .option('--dry-run', '検証のみ行い、取り込まない')
  .option('--only-valid', '誤りのある行を除いて正しい行だけ取り込む')
  .action((file: string, o: { mode: 'full' | 'delta'; dryRun?: boolean; onlyValid?: boolean }) =>
    run(async () => {
      if (!existsSync(file)) throw new AppError(400, 'NO_FILE', `ファイル ${file} が見つかりません。`);
      const services = await openRuntime(loadConfig());
      try {
        const stored = await services.files.save(createReadStream(file), {
          name: basename(file),
          contentType: 'text/csv',
          createdBy: null,
        });
        const params: ImportParams = {
          fileId: stored.id,
          fileName: basename(file),
          mode: o.mode,
          dryRun: Boolean(o.dryRun),
          onlyValid: Boolean(o.onlyValid),
          userId: null,
          loginId: 'cli',
          roleCode: null,
        };
        const queued = await services.jobs.enqueue(
          importJobKind,
          `住民記録取込（CLI）${basename(file)}`,
          params,
          null,
        );
        await services.jobs.runPending();
        const job = await services.jobs.get(queued.id);
        console.log(job.message);
        console.log(JSON.stringify(job.result));
        if (job.status === 'needs_review' || job.status === 'failed') {
          const errors = await services.database.query<{
            row_no: number;
            column_name: string;
            message: string;
          }>(
            'SELECT row_no, column_name, message FROM import_row_errors WHERE job_id = $1 ORDER BY row_no, id LIMIT 50',
            [job.id],
          );
          for (const e of errors) console.error(`  ${e.row_no}行目 ${e.column_name}: ${e.message}`);
          if (job.status === 'failed') console.error(job.message);
          return job.status === 'failed' ? 1 : 2;
        }
      } finally {
        await services.database.close();
      }
      return 0;
    }),
  );

await program.parseAsync(process.argv);
