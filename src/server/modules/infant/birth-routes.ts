/** 出生連絡票 (F07-01) and 母子カード routes: the labels, recent births, the card, the mother's pregnancy, register. */
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { deliveryMethods, receivedVias } from './birth-rules.ts';
import type { BirthsService } from './births.ts';
import type { ChildCardService } from './child-card.ts';
import { earResults, hearingKinds, hearingMethods, hearingStatuses } from './hearing-rules.ts';

const id = z.coerce.number().int().positive();
const idParam = z.object({ id });
const text = (max: number) => z.string().max(max).default('');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD で指定してください。');
const int = z.number().int().nullable().default(null);

const newChild = z.object({
  name: z.string().trim().min(1, '子の氏名を入力してください。').max(60),
  nameKana: z.string().trim().min(1, '子の氏名（カナ）を入力してください。').max(60),
  birthDate: isoDate,
  sex: z.enum(['1', '2', '9'], { message: '性別を選んでください。' }),
  postalCode: text(8),
  address: text(200),
  addressExtra: text(200),
  phone: text(20),
});

const birthBody = z.object({
  childResidentId: id.nullable().default(null),
  newChild: newChild.nullable().default(null),
  motherResidentId: id.nullable().default(null),
  pregnancyId: id.nullable().default(null),
  receivedOn: z.string().max(30),
  receivedVia: z.string().max(20),
  birthTime: text(5),
  birthWeightG: int,
  heightCm: text(10),
  headCm: text(10),
  chestCm: text(10),
  gestationalWeeks: int,
  gestationalDays: int,
  delivery: text(20),
  birthOrder: int,
  apgar1: int,
  apgar5: int,
  birthPlace: text(100),
  institutionName: text(100),
  details: z
    .object({
      attendant: z.enum(['', 'doctor', 'midwife', 'other']).optional(),
      remarks: z.string().max(500).optional(),
    })
    .strict()
    .default({}),
  note: text(500),
  version: z.number().int().nullable().default(null),
});

export function registerBirthRoutes(app: ZApp, deps: { births: BirthsService; cards: ChildCardService }) {
  const { births, cards } = deps;

  app.get('/api/infant/meta', { config: { permission: 'infant.view' } }, async () => ({
    deliveryMethods,
    receivedVias,
    attendants: { doctor: '医師', midwife: '助産師', other: 'その他' },
    hearingKinds,
    hearingMethods,
    earResults,
    hearingStatuses,
    lowBirthWeightG: await births.lowBirthWeightG(),
  }));

  app.get('/api/infant/births/recent', { config: { permission: 'infant.view' } }, async (req) =>
    births.recent(actorOf(req)),
  );

  app.get(
    '/api/infant/children/:id',
    { config: { permission: 'infant.view' }, schema: { params: idParam } },
    async (req) => cards.card(actorOf(req), req.params.id),
  );

  app.get(
    '/api/infant/mothers/:id/pregnancy',
    {
      config: { permission: 'infant.view' },
      schema: { params: idParam, querystring: z.object({ bornOn: isoDate }) },
    },
    async (req) => births.pregnancyOf(actorOf(req), req.params.id, req.query.bornOn),
  );

  app.post(
    '/api/infant/births',
    { config: { permission: 'infant.edit' }, schema: { body: birthBody } },
    async (req) => births.register(actorOf(req), req.body),
  );
}
