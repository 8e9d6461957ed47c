import { Button, Group, Input, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { type ImportSetting, importKeys, importsApi } from '../../lib/imports-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ConfirmModal } from '../programs/ConfirmModal.tsx';
import { ImportRunsTable } from './ImportRunsTable.tsx';
import { ImportRunView } from './ImportRunView.tsx';
import { ImportSettingsModal } from './ImportSettingsModal.tsx';

type Props = {
  /** the target's API base, e.g. /api/adult/results/imports */
  base: string;
  /** what is imported, for the section's name (e.g. 検診結果) */
  title: string;
  /** the target's own choices for an upload (e.g. the program of a file without a 検診 column) */
  paramsField?: ReactNode;
  /** the value of those choices, sent with the file as `params` */
  params?: unknown;
  /** may upload, import and edit 取込設定 */
  canEdit: boolean;
};

/**
 * The import of files of one target (platform/imports): choose a 取込設定 and a file, check it (dry run), look at
 * the rows by what would happen, download the error rows, import; the 取込履歴 below reopens any import.
 */
export function ImportPanel({ base, title, paramsField, params, canEdit }: Props) {
  const api = useMemo(() => importsApi(base), [base]);
  const queryClient = useQueryClient();
  const meta = useQuery({ queryKey: importKeys.meta(base), queryFn: api.meta });
  const settings = useQuery({ queryKey: importKeys.settings(base), queryFn: api.settings });
  const [settingId, setSettingId] = useState<number | null>(null);
  const [editing, setEditing] = useState<ImportSetting | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ImportSetting | null>(null);
  const remove = useSave();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [runId, setRunId] = useState<number | null>(null);
  const upload = useSave();
  const list = settings.data ?? [];
  const chosen = list.find((s) => s.id === settingId) ?? (list.length === 1 ? list[0]! : null);

  function check() {
    if (!chosen) return upload.setError('取込設定を選んでください。');
    if (!file) return upload.setError('取り込むファイルを選んでください。');
    void upload.run(async () => {
      const r = await api.upload(chosen.id, file, params);
      setRunId(r.run.id);
      setFile(null);
      setInputKey((k) => k + 1);
      void queryClient.invalidateQueries({ queryKey: importKeys.runs(base) });
    });
  }

  /** Deletes at the version listed; on a conflict the list is read again (a second 削除する uses it). */
  function confirmDelete(d: ImportSetting) {
    const current = list.find((x) => x.id === d.id) ?? d;
    void remove.run(
      async () => {
        await api.deleteSetting(current.id, current.version);
        setDeleting(null);
        setSettingId(null);
        void queryClient.invalidateQueries({ queryKey: importKeys.settings(base) });
      },
      () => void queryClient.invalidateQueries({ queryKey: importKeys.settings(base) }),
    );
  }

  return (
    <Stack gap="sm">
      {canEdit && (
        <Paper withBorder p="sm" component="section" aria-label={`${title}のファイルを選ぶ`}>
          <Stack gap="sm">
            <Group align="flex-end" gap="xs">
              <NativeSelect
                label="取込設定"
                description="ファイルの列と取り込む項目の対応づけ"
                value={chosen ? String(chosen.id) : ''}
                onChange={(e) => setSettingId(Number(e.currentTarget.value) || null)}
                data={[
                  { value: '', label: list.length ? '選んでください' : '（取込設定がありません）' },
                  ...list.map((s) => ({ value: String(s.id), label: s.name })),
                ]}
                miw={280}
              />
              <Button variant="default" onClick={() => setEditing('new')} disabled={!meta.data}>
                新しい取込設定
              </Button>
              <Button variant="default" onClick={() => setEditing(chosen)} disabled={!chosen || !meta.data}>
                取込設定を直す
              </Button>
              <Button
                variant="default"
                color="red"
                onClick={() => {
                  remove.setError(null);
                  setDeleting(chosen);
                }}
                disabled={!chosen}
              >
                取込設定を削除
              </Button>
            </Group>
            {settings.isSuccess && list.length === 0 && (
              <Text size="sm" c="dimmed">
                はじめに「新しい取込設定」で、ファイルのどの列が何の項目かを登録してください。
              </Text>
            )}
            {paramsField}
            <Group align="flex-end" gap="xs">
              <Input.Wrapper label="取り込むファイル（CSV・XML）" id="import-file">
                <input
                  key={inputKey}
                  id="import-file"
                  type="file"
                  accept=".csv,.xml,.txt,text/csv,application/xml,text/xml"
                  style={{ display: 'block', marginTop: 4 }}
                  onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
                />
              </Input.Wrapper>
              <Button onClick={check} loading={upload.busy} disabled={!file || !chosen}>
                確認する（取り込む前の点検）
              </Button>
            </Group>
            <ErrorAlert error={upload.error ?? meta.error ?? settings.error} title="点検できません" />
          </Stack>
        </Paper>
      )}
      {runId !== null && <ImportRunView key={runId} api={api} base={base} runId={runId} canEdit={canEdit} />}
      <ImportRunsTable api={api} base={base} onOpen={setRunId} />
      {editing && meta.data && (
        <ImportSettingsModal
          api={api}
          fields={meta.data.fields}
          setting={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(s) => {
            setEditing(null);
            setSettingId(s.id);
            void queryClient.invalidateQueries({ queryKey: importKeys.settings(base) });
          }}
        />
      )}
      {deleting && (
        <ConfirmModal
          title="取込設定を削除"
          confirmLabel="削除する"
          color="red"
          busy={remove.busy}
          error={remove.error}
          onConfirm={() => confirmDelete(deleting)}
          onClose={() => setDeleting(null)}
        >
          {`取込設定「${deleting.name}」を削除します。これまでの取込（取込履歴）はそのまま見られます。この設定で新しいファイルは取り込めなくなります。`}
        </ConfirmModal>
      )}
    </Stack>
  );
}
