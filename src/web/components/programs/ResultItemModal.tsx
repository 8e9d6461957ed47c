import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  extraTypes,
  nextExtraKey,
  type ResultItemExtra,
  type ResultItemsProgram,
  resultItemsApi,
  resultItemsKey,
} from '../../lib/result-items-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ConflictCurrent } from '../ConflictCurrent.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  program: ResultItemsProgram;
  /** the item to edit (null = a new one) */
  item: ResultItemExtra | null;
  canEdit: boolean;
  onClose(): void;
};

type Values = { key: string; label: string; type: string; options: string; unit: string; required: boolean };

const toValues = (e: ResultItemExtra | null): Values => ({
  key: e?.key ?? '',
  label: e?.label ?? '',
  type: e?.type ?? 'number',
  options: (e?.options ?? []).join('\n'),
  unit: e?.unit ?? '',
  required: e?.required ?? false,
});

const labels: Record<string, string> = {
  key: 'キー',
  label: '項目名',
  type: '型',
  options: '選択肢',
  unit: '単位',
  required: '必須',
};

/**
 * 結果項目の追加・変更: 項目名, キー (blank = extraN), 型, 選択肢 (one a line), 単位, 必須. Key and type are fixed once
 * added (stored results hold values under the key). Saved with the version; on a conflict the input stays and the
 * stored values are shown.
 */
export function ResultItemModal({ program, item, canEdit, onClose }: Props) {
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const [v, setV] = useState<Values>(() => toValues(item));
  const { busy, error, fieldErrors, run, version, current, dismissConflict } =
    useVersionedSave<ResultItemExtra>(item?.version ?? 0);
  const isNew = item === null;
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((x) => ({ ...x, [k]: value }));
  const suggested = nextExtraKey(program.code, program.extras);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!canEdit) return;
    const values = {
      label: v.label,
      options: v.type === 'select' ? v.options.split('\n') : [],
      unit: v.type === 'number' || v.type === 'text' ? v.unit : '',
      required: v.required,
    };
    void run(async () => {
      if (isNew) await resultItemsApi.create({ ...values, program: program.code, key: v.key, type: v.type });
      else await resultItemsApi.update(item.id, values, version);
      await queryClient.invalidateQueries({ queryKey: resultItemsKey });
      onClose();
    });
  }

  return (
    <AppModal
      opened
      onClose={onClose}
      size="lg"
      title={
        isNew
          ? `結果項目の追加（${program.name}）`
          : `結果項目の${canEdit ? '変更' : '詳細'}（${item.label}）`
      }
    >
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="結果項目">
        <Stack gap="sm">
          <ErrorAlert error={error} title="保存できません" fieldsShown={Object.keys(labels)} />
          {current && (
            <>
              <ConflictCurrent
                current={current}
                labels={labels}
                onLoad={() => {
                  setV(toValues(current));
                  dismissConflict();
                }}
              />
              <Text size="sm">入力内容で上書きする場合は、そのまま「保存」を押してください。</Text>
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="項目名"
              description="入力画面に出る名前（例: 尿蛋白）"
              value={v.label}
              onChange={(e) => set('label', e.currentTarget.value)}
              error={fieldErrors.label}
              required
              readOnly={!canEdit}
              autoComplete="off"
              data-autofocus
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <TextInput
              label="キー"
              description={
                isNew ? `半角英数字。空欄なら「${suggested}」になります` : '追加した後は変えられません'
              }
              value={v.key}
              placeholder={isNew ? suggested : undefined}
              onChange={(e) => set('key', e.currentTarget.value)}
              error={fieldErrors.key}
              readOnly={!isNew || !canEdit}
              autoComplete="off"
              ff="monospace"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <NativeSelect
              label="型"
              description={isNew ? '数値・文字・選択・有無・日付' : '追加した後は変えられません'}
              value={v.type}
              onChange={(e) => set('type', e.currentTarget.value)}
              data={extraTypes.map((t) => ({ value: t.type, label: t.label }))}
              error={fieldErrors.type}
              disabled={!isNew || !canEdit}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            {(v.type === 'number' || v.type === 'text') && (
              <TextInput
                label="単位"
                description="任意（例: mg/dL）"
                value={v.unit}
                onChange={(e) => set('unit', e.currentTarget.value)}
                error={fieldErrors.unit}
                readOnly={!canEdit}
                autoComplete="off"
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            )}
          </SimpleGrid>
          {v.type === 'select' && (
            <Textarea
              label="選択肢"
              description="1行に1つ、入力画面の番号の順に（例: －、±、＋）"
              value={v.options}
              onChange={(e) => set('options', e.currentTarget.value)}
              error={fieldErrors.options}
              required
              readOnly={!canEdit}
              autosize
              minRows={3}
              maxRows={10}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          )}
          <Checkbox
            label="必須（入力しないと保存できない）"
            description="結果の取込（CSV・XML）では、取込設定にこの項目の列が無いと、この検診の行は誤りになります（取込設定で「検診名: 項目名」に列を対応づけてください）。"
            checked={v.required}
            onChange={(e) => set('required', e.currentTarget.checked)}
            disabled={!canEdit}
            error={fieldErrors.required}
          />
          {v.type === 'number' && (
            <Text size="xs" c="dimmed">
              数値の項目は、数字として読めない値（例: 「abc」）を入力画面と取込で誤りにします。
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {canEdit ? 'キャンセル' : '閉じる'}
            </Button>
            {canEdit && (
              <Button type="submit" loading={busy}>
                {isNew ? '追加' : '保存'}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
