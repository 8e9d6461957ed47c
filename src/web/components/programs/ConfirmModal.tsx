import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  busy?: boolean;
  error?: unknown;
  onConfirm(): void;
  onClose(): void;
};

/** 確認ダイアログ: says what will happen; the safe choice (キャンセル) has the focus. */
export function ConfirmModal({
  title,
  children,
  confirmLabel,
  color,
  busy,
  error,
  onConfirm,
  onClose,
}: Props) {
  return (
    <AppModal opened onClose={onClose} title={title}>
      <Stack gap="sm">
        <ErrorAlert error={error} title="実行できません" />
        {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            キャンセル
          </Button>
          <Button color={color} loading={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
