/**
 * 機能権限: every route names one of these (or 'public' / 'authenticated'). Roles are sets of them,
 * editable in 管理 > 役割; the built-in roles below are the defaults seeded on first start.
 */
export const permissions = {
  'residents.search': '宛名検索',
  'residents.view': '宛名の閲覧',
  'residents.export': '宛名一覧のCSV出力',
  'residents.edit': '住登外者の登録・修正',
  'residents.import': '住民記録の取込',
  'residents.protected': '支援措置対象者の住所・連絡先の閲覧（目的入力・記録あり）',
  'residents.my_number': '個人番号の閲覧（目的入力・記録あり）',
  'jobs.view': 'バッチ・取込状況の閲覧',
  'audit.view': 'アクセスログの閲覧・出力',
  'settings.edit': '自治体設定の変更',
  'users.manage': '利用者・役割の管理',
} as const;

export type Permission = keyof typeof permissions;
export const allPermissions = Object.keys(permissions) as Permission[];

export type BuiltinRole = { code: string; name: string; description: string; permissions: Permission[] };

export const builtinRoles: BuiltinRole[] = [
  {
    code: 'admin',
    name: 'システム管理者',
    description: '利用者・役割・自治体設定を管理します。',
    permissions: [
      'residents.search',
      'residents.view',
      'residents.export',
      'residents.edit',
      'residents.import',
      'jobs.view',
      'settings.edit',
      'users.manage',
    ],
  },
  {
    code: 'nurse',
    name: '保健師',
    description: '住民の支援業務を行います。支援措置対象者の情報は目的を入力して閲覧できます。',
    permissions: [
      'residents.search',
      'residents.view',
      'residents.export',
      'residents.edit',
      'residents.protected',
      'jobs.view',
    ],
  },
  {
    code: 'clerk',
    name: '事務',
    description: '受付・取込・帳票業務を行います。',
    permissions: [
      'residents.search',
      'residents.view',
      'residents.export',
      'residents.edit',
      'residents.import',
      'residents.my_number',
      'jobs.view',
    ],
  },
  {
    code: 'viewer',
    name: '閲覧のみ',
    description: '宛名の検索と閲覧のみ行えます。',
    permissions: ['residents.search', 'residents.view'],
  },
  {
    code: 'auditor',
    name: '監査',
    description: 'アクセスログを閲覧・出力します。住民の個人情報は閲覧できません。',
    permissions: ['audit.view'],
  },
];
