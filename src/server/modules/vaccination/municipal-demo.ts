/**
 * The demo city's 市町村独自の予防接種: 小児インフルエンザの費用助成 for this 年度's season (生後6月から13歳に至るまで,
 * 2回, 13日以上の間隔, 1回 1,000円). Only when the city has no definition yet (idempotent; an administrator's changes
 * are kept). おたふくかぜ is left for the administrator to add (the e2e does).
 */
import type { Actor } from '../../platform/audit/service.ts';
import type { MunicipalVaccinesService } from './municipal-vaccines.ts';

const demoActor: Actor = { userId: null, loginId: 'demo', roleCode: null };

export async function seedMunicipalVaccinesDemo(
  municipal: MunicipalVaccinesService,
  fy: number,
): Promise<void> {
  if ((await municipal.list()).length > 0) return;
  await municipal.create(demoActor, {
    code: 'FLU_CHILD',
    name: '小児インフルエンザ',
    kind: 'INACT',
    ageFromUnit: 'months',
    ageFromValue: 6,
    ageToUnit: 'years',
    ageToValue: 13,
    sex: null,
    doses: 2,
    minIntervalDays: 13,
    subsidyYen: 1000,
    validFrom: `${fy}-10-01`,
    validTo: `${fy + 1}-01-31`,
    note: '今シーズンの助成（13歳未満は2回接種）。シーズンごとに期間を変更します。',
  });
}
