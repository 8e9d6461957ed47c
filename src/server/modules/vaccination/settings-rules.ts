/**
 * 予防接種の自治体設定 → the master the engine judges with (pure). The national master (vaccine-master.ts) holds the
 * defaults; a municipality may set the month-end reading of N月以上の間隔 (§1.2 caution) and the 接種期間 of the
 * yearly programs (高齢者インフルエンザ・新型コロナ, [U]). The configured master is a new immutable object, built once
 * per distinct setting (the engine's caches are per master object), and the national one itself when nothing differs.
 */
import { isValidYmd } from '../../platform/calendar/index.ts';
import type { VaccineMaster } from './master-types.ts';
import { vaccineMaster } from './vaccine-master.ts';

export type VaccinationSettings = {
  monthEndRule: 'mhlw' | 'month-end';
  /** per yearly vaccine code: 'MM-DD' from / to */
  seasons: Record<string, { from: string; to: string }>;
};

export const monthEndRuleLabels = {
  mhlw: '応当日が無いときは翌月1日（厚生労働省の解釈）',
  'month-end': '応当日が無いときはその月の末日',
} as const;

/** The yearly vaccines whose season a municipality sets, with the master's default. */
export function yearlyVaccines(master: VaccineMaster = vaccineMaster) {
  return master.vaccines
    .filter((v) => v.yearly)
    .map((v) => ({ code: v.code, name: v.name, from: v.yearly!.seasonFrom, to: v.yearly!.seasonTo }));
}

const mmdd = (s: string) =>
  /^\d{2}-\d{2}$/.test(s) && isValidYmd(2024, Number(s.slice(0, 2)), Number(s.slice(3)));
const jp = (md: string) => `${Number(md.slice(0, 2))}月${Number(md.slice(3))}日`;
/** Season order within a 年度 (April = 0 … March = 11). */
const order = (md: string) => ((Number(md.slice(0, 2)) + 8) % 12) * 100 + Number(md.slice(3));

/** Checks a setting; the messages say what to fix. */
export function checkSettings(s: VaccinationSettings): Array<{ path: string; message: string }> {
  const errors: Array<{ path: string; message: string }> = [];
  if (!(s.monthEndRule in monthEndRuleLabels))
    errors.push({ path: 'monthEndRule', message: '月末の扱いを選んでください。' });
  const yearly = new Map(yearlyVaccines().map((v) => [v.code as string, v.name]));
  for (const [code, season] of Object.entries(s.seasons)) {
    const name = yearly.get(code);
    if (!name) {
      errors.push({ path: `seasons.${code}`, message: `${code} は毎年度の接種ではありません。` });
      continue;
    }
    if (!mmdd(season.from) || !mmdd(season.to))
      errors.push({
        path: `seasons.${code}`,
        message: `${name}の接種期間は月と日で入力してください（例: 10-01）。`,
      });
    else if (order(season.from) > order(season.to))
      errors.push({
        path: `seasons.${code}`,
        message: `${name}の接種期間の終わり（${jp(season.to)}）が始まり（${jp(season.from)}）より前です。年度（4月〜3月）の中で選んでください。`,
      });
  }
  return errors;
}

const built = new Map<string, VaccineMaster>();

/** The master with the municipality's settings (the same object for the same settings). */
export function configuredMaster(s: VaccinationSettings, base: VaccineMaster = vaccineMaster): VaccineMaster {
  const seasons = Object.entries(s.seasons).filter(([code, season]) => {
    const y = base.vaccines.find((v) => v.code === code)?.yearly;
    return y && (y.seasonFrom !== season.from || y.seasonTo !== season.to);
  });
  if (s.monthEndRule === base.monthEndRule && seasons.length === 0) return base;
  const key = `${base.version}|${s.monthEndRule}|${JSON.stringify(seasons)}`;
  let m = built.get(key);
  if (!m) {
    const set = new Map(seasons);
    m = Object.freeze({
      ...base,
      version: `${base.version}+municipal`,
      monthEndRule: s.monthEndRule,
      vaccines: base.vaccines.map((v) => {
        const season = set.get(v.code);
        if (!season || !v.yearly) return v;
        return {
          ...v,
          yearly: {
            seasonFrom: season.from,
            seasonTo: season.to,
            label: `毎年度1回（接種期間 ${jp(season.from)}〜${jp(season.to)}、自治体設定）`,
          },
        };
      }),
    });
    built.set(key, m);
  }
  return m;
}
