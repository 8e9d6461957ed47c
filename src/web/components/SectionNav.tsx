import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../lib/auth.tsx';

export type SectionPage = { to: string; label: string; permission: string };

/**
 * Links between the pages of one business area (top of each page), each shown to those who may use it (the route
 * checks the same permission); the current page is marked. The first page is the area's home (matched exactly).
 */
export function SectionNav({ label, pages }: { label: string; pages: readonly SectionPage[] }) {
  const { can } = useAuth();
  const { pathname } = useLocation();
  const home = pages[0]?.to;
  return (
    <Group gap="xs" component="nav" aria-label={label}>
      {pages
        .filter((p) => can(p.permission))
        .map((p) => {
          const current = p.to === home ? pathname === p.to : pathname.startsWith(p.to);
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
