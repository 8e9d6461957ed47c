import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The centred card of the screens outside the menu (ログイン, パスワード変更). */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box
      component="main"
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}
      bg="blue.0"
      p="md"
    >
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <Stack gap="md">
          <Box>
            <Text fw={700} size="xl" c="blue.9">
              すこやか
            </Text>
            <Title order={1} size="h3">
              {title}
            </Title>
          </Box>
          {children}
        </Stack>
      </Paper>
    </Box>
  );
}
