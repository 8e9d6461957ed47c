import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../lib/auth.tsx';

/** The pages of 予防接種, each shown to those who may use it (the route checks the same permission). */
const pages: { to: string; label: string; permission: string }[] = [
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

/** Links between the 予防接種 pages (top of each page); the current page is marked. */
export function VaccinationNav() {
  const { can } = useAuth();
  const { pathname } = useLocation();
  return (
    <Group gap="xs" component="nav" aria-label="予防接種のメニュー">
      {pages
        .filter((p) => can(p.permission))
        .map((p) => {
          const current = p.to === '/vaccination' ? pathname === p.to : pathname.startsWith(p.to);
          return (
            <Button
              key={p.to}
              component={Link}
              to={p.to}
              size="compact-sm"
              variant={current ? 'filled' : 'default'}
              aria-current={current ? 'page' : undefined}
            >
              {p.label}
            </Button>
          );
        })}
    </Group>
  );
}
