import { SectionNav, type SectionPage } from '../SectionNav.tsx';

/** The pages of 予防接種 (F10a, F11a). */
const pages: SectionPage[] = [
  { to: '/vaccination', label: '接種記録・予診票（個人）', permission: 'vaccination.view' },
  { to: '/vaccination/booklets', label: '予診票冊子の一括発行', permission: 'vaccination.extract' },
  {
    to: '/vaccination/lists',
    label: '対象者抽出（接種別発送・未接種者勧奨）',
    permission: 'vaccination.extract',
  },
  { to: '/vaccination/imports', label: '接種結果の取込', permission: 'vaccination.edit' },
  { to: '/vaccination/relief', label: '健康被害救済', permission: 'vaccination.relief' },
  { to: '/vaccination/municipal', label: '市町村独自の予防接種', permission: 'programs.edit' },
];

export const VaccinationNav = () => <SectionNav label="予防接種のメニュー" pages={pages} />;
