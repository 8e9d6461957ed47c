import { describe, expect, it } from 'vitest';
import {
  checkupOfText,
  parseResultImportRow,
  resultImportFields,
  standardResultHeader,
} from './results-import-row.ts';

const base = { atenaNo: '0000007401', checkup: 'y1h', examinedOn: '2026-06-01' };

describe('parseResultImportRow: the key fields', () => {
  it.each([
    [{ ...base, atenaNo: '' }, 'atenaNo', '宛名番号を入れてください。'],
    [{ ...base, atenaNo: 'A-12' }, 'atenaNo', '宛名番号「A-12」は数字15桁以内で入れてください。'],
    [{ ...base, checkup: '2歳児健診' }, 'checkup', '健診の種類「2歳児健診」は読めません。'],
    [{ ...base, checkup: '' }, 'checkup', '健診の種類「」は読めません。'],
    [{ ...base, examinedOn: '2026-13-01' }, 'examinedOn', '受診日: '],
    [{ ...base, examinedOn: '' }, 'examinedOn', '受診日: 日付を入力してください'],
    [{ ...base, mode: '訪問' }, 'mode', '実施形態「訪問」は読めません。個別か集団にしてください。'],
  ])('%j → %s: %s', (row, field, message) => {
    const r = parseResultImportRow(row);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ field, message: expect.stringContaining(message) }]);
  });

  it('names every checkup in the message of an unknown one', () => {
    const r = parseResultImportRow({ ...base, checkup: '2歳' });
    expect(r.ok ? '' : r.errors[0]!.message).toBe(
      '健診の種類「2歳」は読めません。1か月児健康診査・3〜4か月児健康診査・9〜10か月児健康診査・1歳6か月児健康診査・3歳児健康診査・5歳児健康診査 のどれか（またはコード m1・m3・m9・y1h・y3・y5）にしてください。',
    );
  });
});

describe('健診の種類: codes and the names staff and contractors write', () => {
  it.each([
    ['y1h', 'y1h'],
    ['Y3', 'y3'],
    ['1歳6か月児健康診査', 'y1h'],
    ['1歳6か月児健診', 'y1h'],
    ['１歳６ヶ月', 'y1h'],
    ['3歳児健診', 'y3'],
    ['3〜4か月児健康診査', 'm3'],
    ['3～4カ月児健診', 'm3'],
    ['3-4か月', 'm3'],
    ['1か月児健診', 'm1'],
    ['9〜10か月', 'm9'],
    ['5歳児', 'y5'],
    ['2歳児健診', undefined],
    ['', undefined],
  ])('%s → %s', (text, code) => {
    expect(checkupOfText(text)?.code).toBe(code);
  });
});

describe('parseResultImportRow: the values', () => {
  it('reads 和暦, the mode and keeps only the mapped items as written', () => {
    const r = parseResultImportRow({
      atenaNo: ' ０００００07401 ',
      checkup: '1歳6か月児健診',
      examinedOn: 'R8.6.1',
      mode: '集団',
      'measures.heightCm': '81.5',
      'measures.weightKg': '10.80',
      'findings.language': 'あり',
      'findings.language.note': '有意語なし',
      'findings.language.judgement': '要精密',
      'findings.skin': 'なし',
      'dental.teeth': '16',
      'dental.riskType': 'o1',
      judgement: '要精密',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        atenaNo: '0000007401',
        checkup: 'y1h',
        examinedOn: '2026-06-01',
        mode: 'group',
        institutionName: '',
        ticketNo: '',
        measures: { heightCm: '81.5', weightKg: '10.80' },
        findings: {
          language: { finding: '所見あり', note: '有意語なし', judgement: '要精密' },
          skin: { finding: '所見なし' },
        },
        dental: { teeth: '16', riskType: 'o1' },
        judgement: '要精密',
        note: '',
        mapped: expect.arrayContaining(['measures.heightCm', 'findings.language.note', 'dental.teeth']),
      },
    });
  });

  it.each([
    ['', null],
    ['個別', 'individual'],
    ['集団健診', 'group'],
    ['1', 'individual'],
    ['2', 'group'],
  ])('実施形態 %j → %s', (mode, expected) => {
    const r = parseResultImportRow({ ...base, mode });
    expect(r.ok && r.value.mode).toBe(expected);
  });

  it('the standard header names each field once, the items of 施行規則第2条 with 所見・判定', () => {
    expect(new Set(standardResultHeader).size).toBe(standardResultHeader.length);
    expect(new Set(resultImportFields.map((f) => f.key)).size).toBe(resultImportFields.length);
    expect(standardResultHeader.slice(0, 10)).toEqual([
      '宛名番号',
      '健診の種類',
      '受診日',
      '実施形態',
      '医療機関',
      '受診票番号',
      '身長',
      '体重',
      '頭囲',
      '胸囲',
    ]);
    expect(standardResultHeader).toContain('眼の疾病及び異常の有無の判定');
    expect(standardResultHeader.slice(-11)).toEqual([
      '歯数',
      'むし歯（未処置）',
      'むし歯（処置）',
      '歯垢',
      '咬合',
      'むし歯のリスク分類',
      'フッ化物塗布',
      '歯科の判定',
      '歯科の所見',
      '総合判定',
      '備考',
    ]);
  });
});
