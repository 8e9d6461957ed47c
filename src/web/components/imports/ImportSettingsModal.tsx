import { Badge, Button, Checkbox, Group, Input, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import {
  csvLine,
  type ImportEncoding,
  type ImportField,
  type ImportFormat,
  type ImportSetting,
  type ImportSettingInput,
  type ImportsApi,
} from '../../lib/imports-api.ts';
import { readSampleHeader } from '../../lib/sample-header.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  api: ImportsApi;
  /** the target's fields (GET …/meta) */
  fields: ImportField[];
  /** the setting to edit, or null for a new one */
  setting: ImportSetting | null;
  onClose(): void;
  onSaved(s: ImportSetting): void;
};

const columnsOf = (s: ImportSetting | null) =>
  Object.fromEntries((s?.mapping ?? []).map((m) => [m.field, m.column])) as Record<string, string>;

/**
 * 取込設定の作成・変更: name, format, 文字コード, 見出しの有無, XML のレコード要素 and, per field of the target, the
 * file column it comes from (header name, column number of a headerless CSV, or XML element), proposed from a
 * sample file's header. Editing sends the version (optimistic locking); on a conflict the input stays.
 */
export function ImportSettingsModal({ api, fields, setting, onClose, onSaved }: Props) {
  const [name, setName] = useState(setting?.name ?? '');
  const [format, setFormat] = useState<ImportFormat>(setting?.format ?? 'csv');
  const [encoding, setEncoding] = useState<ImportEncoding>(setting?.encoding ?? 'auto');
  const [hasHeader, setHasHeader] = useState(setting?.hasHeader ?? true);
  const [recordElement, setRecordElement] = useState(setting?.recordElement ?? '');
  const [columns, setColumns] = useState<Record<string, string>>(() => columnsOf(setting));
  const [sample, setSample] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [suggested, setSuggested] = useState<string | null>(null);
  const [suggestError, setSuggestError] = useState<unknown>(null);
  const save = useVersionedSave<ImportSetting>(setting?.version ?? 0);
  const headerless = format === 'csv' && !hasHeader;

  /** From the sample file's header, or from a header line pasted (e.g. the first row copied from Excel). */
  async function suggest(from: 'sample' | 'pasted') {
    setSuggestError(null);
    setSuggested(null);
    try {
      let line = pasted;
      if (from === 'sample') {
        if (!sample) return;
        const header = await readSampleHeader(sample, { format, encoding, recordElement });
        if (!header.length) throw new Error('見本のファイルに見出しがありません。');
        line = csvLine(header);
      } else if (!line.trim()) throw new Error('見出しの行を貼り付けてください。');
      const r = await api.suggest(line);
      setColumns(Object.fromEntries(r.mapping.map((m) => [m.field, m.column])));
      setSuggested(
        `${r.mapping.length}列を対応づけました。` +
          (r.unmatched.length
            ? `対応する項目が見つからない列: ${r.unmatched.join('、')}（取り込みません。必要なら手で入力してください）`
            : ''),
      );
    } catch (e) {
      setSuggestError(e instanceof ApiError || !(e instanceof Error) ? e : e.message);
    }
  }

  function submit() {
    const input: ImportSettingInput = {
      name: name.trim(),
      format,
      encoding,
      hasHeader: format === 'xml' ? true : hasHeader,
      recordElement: format === 'xml' ? recordElement.trim() || null : null,
      mapping: fields.flatMap((f) => {
        const column = (columns[f.key] ?? '').trim();
        return column ? [{ field: f.key, column }] : [];
      }),
    };
    void save.run(async () => {
      const s = setting
        ? await api.updateSetting(setting.id, { ...input, version: save.version })
        : await api.createSetting(input);
      onSaved(s);
    });
  }

  const columnLabel = headerless
    ? '列番号（1から）'
    : format === 'xml'
      ? '要素名'
      : 'ファイルの見出し（列名）';
  return (
    <AppModal opened onClose={onClose} size="xl" title={setting ? '取込設定を変更' : '取込設定を作成'}>
      <form
        aria-label="取込設定"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="取込設定の名前"
            description="例: 中央病院 大腸がん検診 結果CSV"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <Group align="flex-start" gap="xl">
            <Radio.Group
              label="ファイルの形式"
              value={format}
              onChange={(v) => setFormat(v === 'xml' ? 'xml' : 'csv')}
            >
              <Group gap="md" mt={4}>
                <Radio value="csv" label="CSV" />
                <Radio value="xml" label="XML" />
              </Group>
            </Radio.Group>
            <Radio.Group
              label="文字コード"
              value={encoding}
              onChange={(v) => setEncoding(v === 'utf8' || v === 'cp932' ? v : 'auto')}
            >
              <Group gap="md" mt={4}>
                <Radio value="auto" label="自動判定" />
                <Radio value="utf8" label="UTF-8" />
                <Radio value="cp932" label="Shift_JIS" />
              </Group>
            </Radio.Group>
          </Group>
          {format === 'csv' ? (
            <Checkbox
              label="1行目は見出し"
              description="見出しの無いCSVでは、列を番号（1から）で指定します。"
              checked={hasHeader}
              onChange={(e) => setHasHeader(e.currentTarget.checked)}
            />
          ) : (
            <TextInput
              label="レコード要素"
              description="1件分を表す要素名（例: 結果）"
              required
              value={recordElement}
              onChange={(e) => setRecordElement(e.currentTarget.value)}
            />
          )}
          <Group align="flex-end" gap="xs">
            <Input.Wrapper
              label="見本のファイル"
              id="import-sample"
              description="見出しを読むだけで、取り込みません。"
            >
              <input
                id="import-sample"
                type="file"
                accept=".csv,.xml,.txt,text/csv,application/xml,text/xml"
                style={{ display: 'block', marginTop: 4 }}
                onChange={(e) => setSample(e.currentTarget.files?.[0] ?? null)}
              />
            </Input.Wrapper>
            <Button variant="light" disabled={!sample || headerless} onClick={() => void suggest('sample')}>
              ファイルの見出しから自動で対応づける
            </Button>
          </Group>
          {format === 'csv' && !headerless && (
            <Group align="flex-end" gap="xs">
              <TextInput
                label="見出しの行を貼り付け"
                description="Excel で見出しの行をコピーして貼り付けるか、列名をカンマ区切りで入力します。"
                value={pasted}
                onChange={(e) => setPasted(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void suggest('pasted');
                  }
                }}
                miw={360}
              />
              <Button variant="default" disabled={!pasted.trim()} onClick={() => void suggest('pasted')}>
                貼り付けた見出しから対応づける
              </Button>
            </Group>
          )}
          {suggested && (
            <Text size="sm" role="status">
              {suggested}
            </Text>
          )}
          <ErrorAlert error={suggestError} title="見本のファイルを読めません" />
          <Table.ScrollContainer minWidth={560} mah={360}>
            <Table striped withTableBorder fz="sm" aria-label="列の対応づけ" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>取り込む項目</Table.Th>
                  <Table.Th>{columnLabel}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {fields.map((f) => (
                  <Table.Tr key={f.key}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{f.label}</Text>
                        {f.required && (
                          <Badge size="xs" color="red" variant="light">
                            必須
                          </Badge>
                        )}
                      </Group>
                      {f.hint && (
                        <Text size="xs" c="dimmed">
                          {f.hint}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={`${f.label}の列`}
                        value={columns[f.key] ?? ''}
                        inputMode={headerless ? 'numeric' : undefined}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          setColumns((c) => ({ ...c, [f.key]: v }));
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed">
            空欄の項目は取り込みません。必須の項目は必ず対応づけてください。
          </Text>
          <ErrorAlert error={save.error} title="保存できません" />
          <Group>
            <Button type="submit" loading={save.busy}>
              保存
            </Button>
            <Button variant="default" onClick={onClose}>
              閉じる
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
