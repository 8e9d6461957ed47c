/**
 * The fictitious すこやか県すこやか市: 40 町 with invented 郵便番号 1234501–1234540, 丁目 1–5, and a
 * few neighbouring (equally fictitious) towns for the addresses of 住登外者.
 */

export const PREFECTURE = 'すこやか県';
export const CITY = 'すこやか市';

export type Town = {
  name: string;
  kana: string;
  postalCode: string;
  /** Number of 丁目 (1–5). */
  chome: number;
  /** Relative population. */
  weight: number;
};

const townList: [name: string, kana: string, chome: number, weight: number][] = [
  ['本町', 'ホンチョウ', 5, 6],
  ['栄町', 'サカエチョウ', 4, 5],
  ['緑が丘', 'ミドリガオカ', 5, 6],
  ['旭町', 'アサヒチョウ', 3, 4],
  ['中央', 'チュウオウ', 5, 7],
  ['東町', 'ヒガシマチ', 4, 4],
  ['西町', 'ニシマチ', 4, 4],
  ['南町', 'ミナミマチ', 3, 3],
  ['北町', 'キタマチ', 3, 3],
  ['幸町', 'サイワイチョウ', 3, 3],
  ['若葉', 'ワカバ', 5, 5],
  ['桜木町', 'サクラギチョウ', 4, 4],
  ['松原', 'マツバラ', 3, 3],
  ['梅が丘', 'ウメガオカ', 4, 3],
  ['富士見', 'フジミ', 5, 5],
  ['日の出町', 'ヒノデチョウ', 2, 2],
  ['青葉台', 'アオバダイ', 5, 6],
  ['春日', 'カスガ', 3, 3],
  ['宮下', 'ミヤシタ', 2, 2],
  ['新町', 'シンマチ', 3, 3],
  ['大手町', 'オオテマチ', 2, 2],
  ['朝日町', 'アサヒマチ', 3, 2],
  ['昭和町', 'ショウワチョウ', 3, 2],
  ['寿町', 'コトブキチョウ', 2, 2],
  ['錦町', 'ニシキチョウ', 3, 2],
  ['港町', 'ミナトマチ', 4, 3],
  ['泉町', 'イズミチョウ', 2, 2],
  ['柳町', 'ヤナギマチ', 1, 1],
  ['城山', 'シロヤマ', 3, 3],
  ['山王', 'サンノウ', 2, 2],
  ['西が丘', 'ニシガオカ', 4, 4],
  ['東雲', 'シノノメ', 3, 2],
  ['花園', 'ハナゾノ', 3, 3],
  ['千歳町', 'チトセチョウ', 2, 2],
  ['常盤台', 'トキワダイ', 4, 3],
  ['住吉町', 'スミヨシチョウ', 2, 2],
  ['八幡町', 'ハチマンチョウ', 3, 2],
  ['平和台', 'ヘイワダイ', 5, 4],
  ['弥生町', 'ヤヨイチョウ', 2, 2],
  ['曙町', 'アケボノチョウ', 1, 1],
];

export const towns: Town[] = townList.map(([name, kana, chome, weight], i) => ({
  name,
  kana,
  postalCode: `12345${String(i + 1).padStart(2, '0')}`,
  chome,
  weight,
}));

export const chomeKanji = ['一', '二', '三', '四', '五'] as const;

/** Apartment buildings (方書); a room number like '203号' is appended. */
export const buildings = [
  'すこやかハイツ',
  'グリーンコーポ',
  'メゾン・ド・すこやか',
  'サンライズマンション',
  'コーポ緑',
  'ハイツ栄',
  'パークサイド中央',
  'ロイヤルハイツ',
  'フォレスト青葉',
  'レジデンス本町',
  'さくら荘',
  'ひまわりアパート',
  'リバーサイド港',
  'エクセル富士見',
  'シャトー城山',
  'ガーデンコート若葉',
  '県営すこやか団地',
  '市営旭住宅',
  'ヴィラ花園',
  'サニーコート',
] as const;

/** Fictitious places outside the city, for 住登外者 (registered by hand, living elsewhere). */
export const outsidePlaces: { postalPrefix: string; place: string }[] = [
  { postalPrefix: '12356', place: 'すこやか県はなみ市中央' },
  { postalPrefix: '12357', place: 'すこやか県あおば町本郷' },
  { postalPrefix: '12358', place: 'すこやか県みなと市栄' },
  { postalPrefix: '98761', place: 'となり県かわせ市緑町' },
  { postalPrefix: '98762', place: 'となり県やまて市旭が丘' },
  { postalPrefix: '55501', place: 'とおく都ひがし区本町' },
];

/** The city's (invented) telephone area code; numbers are written '0XX-XXX-XXXX'. */
export const AREA_CODE = '012';
