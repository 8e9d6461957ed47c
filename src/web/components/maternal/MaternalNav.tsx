import { SectionNav, type SectionPage } from '../SectionNav.tsx';

/** The pages of 母子保健 (F06, F07). */
const pages: SectionPage[] = [
  { to: '/maternal', label: '妊娠届・母子健康手帳', permission: 'maternal.view' },
  { to: '/maternal/e-notifications', label: '妊娠届（電子申請）', permission: 'maternal.view' },
  { to: '/maternal/checkups', label: '妊婦・産婦健診の結果', permission: 'maternal.edit' },
  { to: '/maternal/children', label: '母子カード（出生・聴覚検査）', permission: 'infant.view' },
  { to: '/maternal/infant-checkups', label: '乳幼児健診の案内・勧奨', permission: 'infant.view' },
  { to: '/maternal/infant-results', label: '乳幼児健診の結果・精密健診', permission: 'infant.edit' },
  { to: '/maternal/settings', label: '母子保健の設定', permission: 'programs.edit' },
];

export const MaternalNav = () => <SectionNav label="母子保健のメニュー" pages={pages} />;
