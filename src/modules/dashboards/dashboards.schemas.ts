import { Type } from 'typebox';
import { Nullable } from '../../server/http.ts';
import { Kpis } from '../campaigns/campaigns.schemas.ts';

/** The dashboards' answers, which double as output whitelists: nothing leaves that is not named here. */

const Int = Type.Integer();
const Ratio = Type.Number();
const Product = Type.Enum(['vsi', 'hhi']);
const Level = Type.Enum(['national', 'province', 'unit', 'commune', 'agent']);

const ScopeRef = Type.Object({
  level: Level,
  code: Nullable(Type.String()),
  id: Nullable(Int),
  name: Type.String(),
  kind: Nullable(Type.String()),
  provinceCode: Nullable(Type.String()),
});

const Scope = Type.Object({
  ...ScopeRef.properties,
  parent: Nullable(ScopeRef),
  trail: Type.Array(ScopeRef, { description: 'các cấp bên trên mà người xem được mở, từ trên xuống' }),
});

const Tile = Type.Object({
  code: Type.String(),
  name: Type.String(),
  short: Type.String(),
  row: Int,
  col: Int,
  enrollments: Int,
  target: Int,
  reached: Nullable(Ratio),
});

const Counters = Type.Object({ enrollments: Int, firstPayments: Int, payments: Int, amount: Int });

const Funnel = Type.Object({
  contacted: Int,
  consulted: Int,
  enrolled: Int,
  firstPaid: Int,
  retained12m: Int,
});

export const DashboardAnswer = Type.Object({
  asOf: Type.String(),
  until: Type.String(),
  campaign: Type.Object({ id: Int, name: Type.String(), startsOn: Type.String(), endsOn: Type.String() }),
  scope: Scope,
  products: Type.Array(Product),
  totals: Counters,
  target: Nullable(
    Type.Object({
      amount: Int,
      products: Type.Array(Product),
      actual: Int,
      reached: Ratio,
      elapsed: Ratio,
      forecast: Int,
      behind: Type.Boolean(),
      measure: Type.Enum(['area', 'collected'], {
        description: 'area: số người sống trong địa bàn; collected: số đơn vị hoặc nhân viên đã thu',
      }),
      ofUnit: Nullable(Type.Object({ id: Int, name: Type.String() })),
    }),
  ),
  trend: Type.Array(Type.Object({ day: Type.String(), enrollments: Int, payments: Int, amount: Int })),
  provinces: Type.Optional(Type.Array(Tile)),
  leaders: Type.Optional(
    Type.Object({
      provinces: Type.Array(Tile),
      postOffices: Type.Array(
        Type.Object({
          orgUnitId: Int,
          name: Type.String(),
          provinceCode: Nullable(Type.String()),
          enrollments: Int,
          amount: Int,
        }),
      ),
      agents: Type.Array(
        Type.Object({
          agentUserId: Int,
          fullName: Type.String(),
          orgUnitName: Type.String(),
          provinceCode: Nullable(Type.String()),
          enrollments: Int,
          amount: Int,
        }),
      ),
    }),
  ),
  funnel: Type.Optional(Nullable(Funnel)),
  kpis: Type.Optional(Nullable(Kpis)),
  rank: Type.Optional(
    Nullable(
      Type.Object({ position: Int, of: Int, provinceCode: Type.String(), provinceName: Type.String() }),
    ),
  ),
});

const Covered = {
  labourForce: Nullable(Int),
  compulsory: Nullable(Int),
  voluntary: Int,
  householdHi: Int,
};
const LastYear = Nullable(Type.Object({ compulsory: Nullable(Int), voluntary: Int, householdHi: Int }));
const CoverageFigures = {
  participants: Nullable(Int),
  coverage: Nullable(Ratio),
  voluntaryShare: Nullable(Ratio),
  growth: Type.Object({
    participants: Nullable(Ratio),
    voluntary: Nullable(Ratio),
    householdHi: Nullable(Ratio),
  }),
};

const CoverageRow = Type.Object({
  code: Nullable(Type.String()),
  name: Type.String(),
  ...Covered,
  ...CoverageFigures,
  lastYear: LastYear,
});

export const CoverageAnswer = Type.Object({
  asOf: Type.String(),
  lastYearAsOf: Type.String(),
  national: Nullable(CoverageRow),
  provinces: Type.Array(CoverageRow),
});

export const BulletinAnswer = Type.Object({
  asOf: Type.String(),
  lastYearAsOf: Type.String(),
  scope: Nullable(Type.String({ description: 'tỉnh của số liệu bao phủ; null là toàn quốc' })),
  unit: Nullable(
    Type.Object(
      { id: Int, name: Type.String(), kind: Type.String() },
      { description: 'đơn vị dưới tỉnh: số liệu chiến dịch là số đơn vị đã thu' },
    ),
  ),
  text: Type.String(),
  figures: Type.Object({
    asOf: Type.String(),
    scopeName: Type.String(),
    national: Type.Boolean(),
    unitName: Nullable(Type.String()),
    ...Covered,
    lastYear: LastYear,
    campaign: Nullable(
      Type.Object({
        name: Type.String(),
        startsOn: Type.String(),
        endsOn: Type.String(),
        vsi: Int,
        hhi: Int,
        target: Nullable(Int),
        hhiTarget: Nullable(Int),
      }),
    ),
  }),
  coverage: Type.Object(CoverageFigures),
});
