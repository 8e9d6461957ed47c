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
  'programs.view': '事業マスタ（検診・会場・医療機関・日程）の閲覧',
  'programs.edit': '事業マスタの変更',
  'adult.view': '成人検診の対象者リスト・受診歴・送付不要登録の閲覧',
  'adult.extract': '成人検診の対象者抽出・リストの修正',
  'adult.edit': '成人検診の受診希望・送付不要の登録',
  'mailings.view': '郵送物と送付情報（送付履歴）の閲覧',
  'mailings.manage': '郵送物の作成・引き抜き・印刷・送付情報の登録・再発行・返戻登録',
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
      'programs.view',
      'programs.edit',
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
      'programs.view',
      'adult.view',
      'adult.extract',
      'adult.edit',
      'mailings.view',
      'mailings.manage',
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
      'programs.view',
      'adult.view',
      'adult.extract',
      'adult.edit',
      'mailings.view',
      'mailings.manage',
      'jobs.view',
    ],
  },
  {
    code: 'viewer',
    name: '閲覧のみ',
    description: '宛名の検索と閲覧のみ行えます。',
    permissions: ['residents.search', 'residents.view', 'programs.view', 'adult.view', 'mailings.view'],
  },
  {
    code: 'auditor',
    name: '監査',
    description: 'アクセスログを閲覧・出力します。住民の個人情報は閲覧できません。',
    permissions: ['audit.view'],
  },
];
