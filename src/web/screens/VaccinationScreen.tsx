import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ResidentPicker } from '../components/adult/ResidentPicker.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ReasonModal } from '../components/ReasonModal.tsx';
import { StatusBadges } from '../components/StatusBadges.tsx';
import { CertificatePrint } from '../components/vaccination/CertificatePrint.tsx';
import { RecordForm, type Sticky } from '../components/vaccination/RecordForm.tsx';
import { RecordsTable } from '../components/vaccination/RecordsTable.tsx';
import { ScheduleTable } from '../components/vaccination/ScheduleTable.tsx';
import { SpecialsPanel } from '../components/vaccination/SpecialsPanel.tsx';
import { VaccinationNav } from '../components/vaccination/VaccinationNav.tsx';
import { useAuth } from '../lib/auth.tsx';
import { checkNote, vaccineNameWith } from '../lib/municipal-vaccines-api.ts';
import type { Resident } from '../lib/types.ts';
import { type VaccinationRecord, vaccinationApi, vaccinationKeys } from '../lib/vaccination-api.ts';
import { ageOn, formatWareki } from '../lib/wareki.ts';

const sexes: Record<string, string> = { '1': '男', '2': '女', '9': '不明' };

/**
 * 予防接種 (F11a-01 接種結果の手入力, F10a-03 窓口での母子手帳転記): find the person (宛名番号・氏名・カナ・生年月日),
 * see the schedule for today and the records, and type records with the keyboard; correct or delete (with the
 * reason) a record. `?resident=ID` opens a person directly (from the 宛名画面).
 */
export function VaccinationScreen() {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const residentId = Number(searchParams.get('resident')) || null;
  const [picked, setPicked] = useState<Resident | null>(null);
  const [editing, setEditing] = useState<VaccinationRecord | null>(null);
  const [deleting, setDeleting] = useState<VaccinationRecord | null>(null);
  const [sticky, setSticky] = useState<Sticky>({ source: 'manual', institution: '', doctor: '' });
  const [saved, setSaved] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  const view = useQuery({
    queryKey: vaccinationKeys.view(residentId ?? 0),
    queryFn: () => vaccinationApi.view(residentId!),
    enabled: residentId !== null,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['vaccination', 'view'] });

  function choose(id: number | null) {
    setEditing(null);
    setSaved(null);
    setSearchParams(id ? { resident: String(id) } : {});
  }

  const p = view.data?.person;
  const nameOf = vaccineNameWith(view.data?.municipalVaccines);
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        予防接種
      </Title>
      <VaccinationNav />
      <Paper withBorder p="sm" component="section" aria-label="対象者の検索">
        <ResidentPicker
          id="vaccination-person"
          value={picked}
          autoFocus={residentId === null}
          onChange={(r) => {
            setPicked(r);
            if (r) choose(r.id);
          }}
        />
      </Paper>
      <ErrorAlert error={view.error} />
      {residentId !== null && view.isPending && <Loader size="sm" aria-label="読み込み中" />}
      {view.data && p && (
        <>
          <Paper withBorder p="sm" component="section" aria-label="対象者の情報">
            <Group gap="md" role="status">
              <Text fw={700} size="lg">
                {p.name}
              </Text>
              <Text size="sm">{p.nameKana}</Text>
              <Text size="sm">宛名番号 {p.atenaNo}</Text>
              <Text size="sm">
                {formatWareki(p.birthDate)}生（{ageOn(p.birthDate)}歳）
              </Text>
              <Text size="sm">{sexes[p.sex] ?? p.sex}</Text>
              <Text size="sm" c="dimmed">
                {p.address}
              </Text>
              <StatusBadges status={p.status} supportMeasure={false} />
              <Button
                component={Link}
                to={`/residents/${p.id}`}
                size="compact-sm"
                variant="default"
                ml="auto"
              >
                宛名画面
              </Button>
            </Group>
            {can('mailings.manage') && (
              <CertificatePrint residentId={p.id} records={view.data.records.length} />
            )}
          </Paper>
          {saved && (
            <Text size="sm" c="teal.9" role="status">
              {saved}
            </Text>
          )}
          {can('vaccination.edit') && (
            <Paper withBorder p="sm">
              <RecordForm
                key={`${p.id}-${editing?.id ?? 'new'}-${editing?.version ?? 0}-${round}`}
                view={view.data}
                current={editing}
                sticky={sticky}
                onCancel={() => setEditing(null)}
                onSaved={(r, check, s) => {
                  setSticky(s);
                  setEditing(null);
                  setRound((n) => n + 1);
                  setSaved(
                    `${editing ? '修正' : '保存'}しました: ${nameOf(r.vaccine)} ${r.dose}（${formatWareki(r.vaccinatedOn)}）${checkNote(check)}。`,
                  );
                  void refresh();
                }}
              />
            </Paper>
          )}
          <RecordsTable
            records={view.data.records}
            deleted={view.data.deleted}
            nameOf={nameOf}
            canEdit={can('vaccination.edit')}
            onEdit={(r) => {
              setSaved(null);
              setEditing(r);
            }}
            onDelete={setDeleting}
          />
          <SpecialsPanel
            residentId={p.id}
            canEdit={can('vaccination.edit')}
            onChanged={() => void refresh()}
          />
          <ScheduleTable
            schedule={view.data.schedule}
            on={view.data.on}
            formFor={can('mailings.manage') ? p.id : null}
          />
          {view.data.municipalSchedule.length > 0 && (
            <ScheduleTable
              schedule={view.data.municipalSchedule}
              on={view.data.on}
              municipal
              nameOf={nameOf}
            />
          )}
        </>
      )}
      {deleting && (
        <ReasonModal
          title="接種の記録の削除"
          text={`${formatWareki(deleting.vaccinatedOn)}の${nameOf(deleting.vaccine)} ${deleting.dose}の記録を削除します。記録は理由とともに残り、接種歴とスケジュールからは外れます。`}
          reasonLabel="削除の理由"
          reasonMissing="削除の理由を入力してください（例: 別の方の記録を入力した）。"
          action="削除する"
          failure="削除できません"
          onSubmit={async (reason) => {
            await vaccinationApi.remove(deleting.id, deleting.version, reason);
            setEditing(null);
            setSaved(`削除しました: ${nameOf(deleting.vaccine)} ${deleting.dose}（理由: ${reason}）。`);
            await refresh();
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </Stack>
  );
}
