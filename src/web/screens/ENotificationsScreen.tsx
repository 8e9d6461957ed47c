import { Stack, Title } from '@mantine/core';
import { ENotificationImport } from '../components/maternal/ENotificationImport.tsx';
import { ENotificationList } from '../components/maternal/ENotificationList.tsx';
import { MaternalNav } from '../components/maternal/MaternalNav.tsx';

/**
 * 妊娠届（電子申請） (F06-02): import the file of e-applied 妊娠届 (job, result, 取込履歴), then in the 受付一覧 register
 * each one (届出 and アンケート read, the mother confirmed or registered as 住登外者, flags confirmed, 面談の来庁依頼,
 * 交付方法), or drop it; those to mail go out as one mailing of 母子健康手帳等.
 */
export function ENotificationsScreen() {
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        妊娠届（電子申請）
      </Title>
      <MaternalNav />
      <ENotificationImport />
      <ENotificationList />
    </Stack>
  );
}
