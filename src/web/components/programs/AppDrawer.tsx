import { Drawer, type DrawerRootProps } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = Omit<DrawerRootProps, 'title' | 'children'> & { title: ReactNode; children: ReactNode };

/** Mantine Drawer (from the right) whose header is not a second `banner` landmark, like AppModal. */
export function AppDrawer({ title, children, ...props }: Props) {
  return (
    <Drawer.Root position="right" size="xl" {...props}>
      <Drawer.Overlay />
      <Drawer.Content>
        <Drawer.Header role="none">
          <Drawer.Title fw={700}>{title}</Drawer.Title>
          <Drawer.CloseButton aria-label="閉じる" />
        </Drawer.Header>
        <Drawer.Body>{children}</Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
