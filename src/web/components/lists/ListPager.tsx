import { Button, Group, Text } from '@mantine/core';

/** 前の／次の N人 of a list's entries (shown only when there is more than one page). */
export function ListPager(p: {
  page: number;
  lastPage: number;
  pageSize: number;
  onPage(page: number): void;
}) {
  if (p.lastPage <= 1) return null;
  return (
    <Group gap="xs">
      <Button size="compact-sm" variant="default" disabled={p.page <= 1} onClick={() => p.onPage(p.page - 1)}>
        前の{p.pageSize}人
      </Button>
      <Text size="sm">
        {p.page} / {p.lastPage}ページ
      </Text>
      <Button
        size="compact-sm"
        variant="default"
        disabled={p.page >= p.lastPage}
        onClick={() => p.onPage(p.page + 1)}
      >
        次の{p.pageSize}人
      </Button>
    </Group>
  );
}
