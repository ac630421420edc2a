import type { App } from '../src/server/app.ts';
import type { Session } from './http.ts';

/** The HTTP steps the leads tests share: a campaign, a call as someone, a payment of a quote. */
export function leadsHttp(app: App) {
  const call = (
    s: Session | null,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: Record<string, unknown>,
  ) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: s?.headers ?? {},
      ...(payload ? { payload } : {}),
    });

  return {
    call,

    /** A campaign made by a central officer for the period given. */
    async campaign(central: Session, period: { startsOn: string; endsOn: string }) {
      const response = await call(central, 'POST', '/campaigns', {
        name: `Tháng vận động ${period.startsOn}`,
        theme: 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
        ...period,
        products: ['vsi', 'hhi'],
        organisers: ['Bảo hiểm xã hội Việt Nam', 'Tổng công ty Bưu điện Việt Nam'],
      });
      if (response.statusCode !== 201) throw new Error(`campaign: ${response.body}`);
      return response.json().id as number;
    },

    /** Collects what the quote for `mode` asks; returns the receipt number. */
    async pay(agent: Session, participantId: number, mode: string) {
      const quote = await call(agent, 'POST', `/participants/${participantId}/payment-quote`, { mode });
      if (quote.statusCode !== 200) throw new Error(`quote: ${quote.body}`);
      const paid = await call(agent, 'POST', `/participants/${participantId}/payments`, {
        mode,
        method: 'cash',
        amount: quote.json().quote.total,
      });
      if (paid.statusCode !== 201) throw new Error(`payment: ${paid.body}`);
      return paid.json().receipt.number as string;
    },
  };
}
