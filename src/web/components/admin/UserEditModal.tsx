import { Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../lib/api.ts';
import type { AdminUser, Role } from '../../lib/types.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ConflictCurrent } from '../ConflictCurrent.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { PasswordField } from '../PasswordField.tsx';

type Props = { user: AdminUser; roles: Role[]; locked: boolean; onClose(): void };

/** 利用者の編集 (PATCH with version; on a conflict the input stays and the stored values are shown). */
export function UserEditModal({ user, roles, locked, onClose }: Props) {
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roleCode, setRoleCode] = useState(user.roleCode);
  const [active, setActive] = useState(user.active);
  const [unlock, setUnlock] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const { busy, error, fieldErrors, run, version, current, dismissConflict } = useVersionedSave<AdminUser>(
    user.version,
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await api.patch(`/api/admin/users/${user.id}`, {
        version,
        displayName,
        roleCode,
        active,
        ...(unlock ? { unlock: true } : {}),
        ...(newPassword ? { newPassword } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
      onClose();
    });
  }

  return (
    <AppModal opened onClose={onClose} title={`利用者の編集（${user.loginId}）`}>
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Stack gap="sm">
          <ErrorAlert
            error={error}
            title="保存できません"
            fieldsShown={['displayName', 'roleCode', 'newPassword']}
          />
          {current && (
            <>
              <ConflictCurrent
                current={current}
                labels={{ displayName: '氏名', roleCode: '役割', active: '有効' }}
                onLoad={() => {
                  setDisplayName(current.displayName);
                  setRoleCode(current.roleCode);
                  setActive(current.active);
                  dismissConflict();
                }}
              />
              <Text size="sm">入力内容で上書きする場合は、そのまま「保存」を押してください。</Text>
            </>
          )}
          <TextInput
            label="氏名"
            name="displayName"
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={fieldErrors.displayName}
            data-autofocus
            autoComplete="off"
          />
          <NativeSelect
            label="役割"
            name="roleCode"
            value={roleCode}
            onChange={(e) => setRoleCode(e.currentTarget.value)}
            error={fieldErrors.roleCode}
            data={roles.map((r) => ({ value: r.code, label: r.name }))}
          />
          <Checkbox
            label="有効（ログインできる）"
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
          <Checkbox
            label={locked ? 'ロック解除（ロック中）' : 'ロック解除'}
            checked={unlock}
            onChange={(e) => setUnlock(e.currentTarget.checked)}
            disabled={!locked && user.failedAttempts === 0}
          />
          <PasswordField
            label="パスワード再設定"
            name="newPassword"
            description="入力したときだけ再設定します。次回ログイン時に変更が求められます。"
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            error={fieldErrors.newPassword}
            autoComplete="new-password"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              キャンセル
            </Button>
            <Button type="submit" loading={busy}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
