// `sukoyaka vaccination schedule` (issue 6 CLI): the command function, and one real spawn of bin/sukoyaka.js.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vaccineCodes } from './master-types.ts';
import { parseHistory, parseSpecials, ScheduleArgumentError, scheduleCommand } from './schedule-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'sukoyaka-vacc-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('scheduleCommand', () => {
  it('prints exactly {birth, on, doses[{vaccine, dose, legalFrom, …, reasons}]} with --json', async () => {
    const history = file('h.json', JSON.stringify([{ vaccine: 'BCG', date: '2026-09-01' }]));
    const out = JSON.parse(
      await scheduleCommand({ birth: '2026-04-01', on: '2026-10-01', history, json: true }),
    );
    expect(Object.keys(out)).toEqual(['birth', 'on', 'doses']);
    expect(out.birth).toBe('2026-04-01');
    for (const d of out.doses)
      expect(Object.keys(d)).toEqual([
        'vaccine',
        'dose',
        'legalFrom',
        'legalTo',
        'standardFrom',
        'standardTo',
        'earliest',
        'status',
        'reasons',
      ]);
    expect(new Set(out.doses.map((d: { vaccine: string }) => d.vaccine))).toEqual(new Set(vaccineCodes));
    expect(out.doses.find((d: { vaccine: string }) => d.vaccine === 'BCG')).toMatchObject({
      status: 'completed',
      legalTo: '2027-03-31',
    });
    expect(out.doses.find((d: { vaccine: string }) => d.vaccine === 'FLU_ELD')).toMatchObject({
      status: 'not_eligible',
      legalTo: null,
    });
  });

  it('prints a Japanese table without --json', async () => {
    const out = await scheduleCommand({ birth: '2026-04-01', on: '2026-10-01', sex: 'F' });
    expect(out).toContain('生年月日 令和8年4月1日');
    expect(out).toMatch(/BCG（BCG）\t1回\t接種時期/);
  });

  it.each([
    [{ on: '2026-10-01' }, '--birth を指定してください'],
    [{ birth: '2026-02-30', on: '2026-10-01' }, '--birth: '],
    [{ birth: '2026-04-01' }, '--on を指定してください'],
    [{ birth: '2026-04-01', on: '2026-03-01' }, 'より前です'],
    [{ birth: '2026-04-01', on: '2026-10-01', sex: 'X' }, '--sex は M'],
    [
      { birth: '2026-04-01', on: '2026-10-01', history: join(dir, 'none.json') },
      '接種歴ファイルが読めません',
    ],
    [{ birth: '2026-04-01', on: '2026-10-01', history: file('bad.json', '{') }, 'JSONとして読めません'],
  ])('rejects %j with a clear message', async (o, message) => {
    await expect(scheduleCommand(o)).rejects.toThrow(ScheduleArgumentError);
    await expect(scheduleCommand(o)).rejects.toThrow(message);
  });

  it('--specials: the facts as registered on the screen change the schedule (既罹患 水痘 → 対象外)', async () => {
    const specials = file(
      's.json',
      JSON.stringify([{ kind: 'exclusion', disease: 'varicella', reason: 'infected' }]),
    );
    const run = async (extra: object) =>
      JSON.parse(await scheduleCommand({ birth: '2025-10-15', on: '2026-11-24', json: true, ...extra }))
        .doses.filter((d: { vaccine: string }) => d.vaccine === 'VAR')
        .map((d: { status: string }) => d.status);
    expect(await run({})).toContain('due');
    expect(await run({ specials })).toEqual(['not_eligible']);
  });

  it('parseSpecials checks every entry with the screen’s rule', () => {
    expect(() => parseSpecials({}, '2026-11-24')).toThrow('配列のJSON');
    expect(() => parseSpecials([{ kind: 'pregnancy' }], '2026-11-24')).toThrow(
      '1件目: 出産予定日を入力してください',
    );
    expect(() => parseSpecials([{ kind: 'nope' }], '2026-11-24')).toThrow('1件目: 種類を選んでください');
    expect(
      parseSpecials(
        [
          { kind: 'long_term_care', vaccines: ['HIB'], reason: '白血病', date: '2026-03-31' },
          { kind: 'mr_shortage' },
        ],
        '2026-11-24',
      ),
    ).toEqual({
      longTermCare: [{ vaccines: ['HIB'], reason: '白血病', endDate: '2026-03-31' }],
      mrShortage: true,
    });
  });

  it('parseHistory checks every entry', () => {
    expect(() => parseHistory({})).toThrow('配列のJSON');
    expect(() => parseHistory([{ vaccine: 'XYZ', date: '2026-01-01' }])).toThrow(
      '1件目: vaccine は DPT_IPV_HIB',
    );
    expect(() => parseHistory([{ vaccine: 'BCG', date: '2026-13-01' }])).toThrow('1件目: date');
    expect(parseHistory([{ vaccine: 'PCV', date: '2026-06-01', product: 'PCV20' }])).toEqual([
      { vaccine: 'PCV', date: '2026-06-01', product: 'PCV20' },
    ]);
  });
});

describe('npx sukoyaka vaccination schedule (spawned)', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/sukoyaka.js', 'vaccination', 'schedule', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints the JSON and exits 0; bad arguments exit 2 with a Japanese message', () => {
    const ok = cli('--birth', '2026-04-01', '--on', '2026-10-01', '--json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).on).toBe('2026-10-01');
    const bad = cli('--birth', '2026-04-31', '--on', '2026-10-01');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('エラー: --birth');
    expect(cli('--birth', '2026-04-01', '--on', '2026-10-01', '--unknown').status).toBe(2);
  });
});
