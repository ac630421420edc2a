import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import type { DemoCampaignsSetting, DemoSetting } from './system.repository.ts';

export const systemRoutes: FastifyPluginAsyncTypebox<{ services: Services; version: string }> = async (
  app,
  { services, version },
) => {
  app.get(
    '/system',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Phiên bản và trạng thái dữ liệu minh họa (DEMO).',
        response: {
          200: Type.Object({
            demo: Type.Boolean(),
            version: Type.String(),
            demoCampaigns: Type.Union([
              Type.Null(),
              Type.Object({
                loaded: Type.Boolean(),
                done: Type.Integer(),
                total: Type.Integer(),
                label: Type.String(),
              }),
            ]),
          }),
        },
      },
    },
    async () => {
      const [demo, campaigns] = await Promise.all([
        services.settings.get<DemoSetting>('demo'),
        services.settings.get<DemoCampaignsSetting>('demo.campaigns'),
      ]);
      return {
        demo: demo?.loaded === true,
        version,
        demoCampaigns: campaigns
          ? { loaded: campaigns.loaded, done: campaigns.done, total: campaigns.total, label: campaigns.label }
          : null,
      };
    },
  );

  app.get(
    '/overview',
    {
      schema: {
        tags: ['system'],
        summary: 'Số đơn vị hành chính, tổ chức và người dùng trong phạm vi của người gọi.',
        response: {
          200: Type.Object({
            provinces: Type.Integer(),
            communes: Type.Integer(),
            orgUnits: Type.Integer(),
            users: Type.Integer(),
            scope: Type.Object({
              national: Type.Boolean(),
              orgUnitName: Type.String(),
              communes: Type.Integer(),
            }),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const [units, orgUnits, users, me] = await Promise.all([
        services.units.counts(),
        services.orgs.count(actor),
        services.users.countVisible(actor),
        actor.userId ? services.access.me(actor.userId) : null,
      ]);
      const communes = actor.national ? units.communes : actor.communes.length;
      const provinces = actor.national
        ? units.provinces
        : await services.units.provincesOfCommunes(actor.communes as string[]);
      return {
        provinces,
        communes,
        orgUnits,
        users,
        scope: { national: actor.national, orgUnitName: me?.orgUnit.name ?? actor.fullName, communes },
      };
    },
  );
};
