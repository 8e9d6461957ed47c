import { Stack, Text, Title } from '@mantine/core';

/** 準備中: an area of the menu that is not built yet (no fake data). */
export function ComingSoon({ title }: { title: string }) {
  return (
    <Stack gap="xs">
      <Title order={1} size="h3">
        {title}
      </Title>
      <Text>準備中</Text>
      <Text c="dimmed" size="sm">
        この業務は今後のリリースで追加されます。
      </Text>
    </Stack>
  );
}

export function Forbidden() {
  return (
    <Stack gap="xs">
      <Title order={1} size="h3">
        権限がありません
      </Title>
      <Text>この画面を利用する権限がありません。必要な場合は管理者に依頼してください。</Text>
    </Stack>
  );
}

export function NotFound() {
  return (
    <Stack gap="xs">
      <Title order={1} size="h3">
        ページが見つかりません
      </Title>
      <Text>メニューから業務を選んでください。</Text>
    </Stack>
  );
}
