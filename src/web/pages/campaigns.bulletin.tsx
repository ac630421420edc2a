/**
 * The press office's screen: the paragraph about this campaign as of any day, for the country or a
 * province the viewer may see, with the figures it was written from, ready to paste.
 */
import { CopyOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Select, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { type Bulletin, type Campaign, type Coverage, campaignKeys } from '../components/campaign-types.ts';
import { EmptyState, LoadError } from '../components/query-state.tsx';
import { useDay } from '../components/use-day.ts';
import { DATE_FORMAT, formatDate, formatNumber, formatPercent, vietnamToday } from '../format.ts';
import { CoverageFacts } from './campaigns.coverage.tsx';

/** Today's paragraph moves with the day's registrations; an earlier day's does not. */
const BULLETIN_MS = 10_000;
const NATIONAL = 'national';

export function BulletinTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = vietnamToday();
  const [asOf, setAsOf] = useState(today);
  const [scope, setScope] = useState<string | undefined>(undefined);
  const day = useDay(asOf);
  // The places the viewer may see are the coverage answer's: the country for the centre, and the
  // provinces they serve whole.
  const places = useQuery({
    queryKey: [...campaignKeys.coverage, 'places'],
    queryFn: () => api.get<Coverage>('/coverage'),
    staleTime: 5 * 60_000,
  });
  const options = [
    ...(places.data?.national ? [{ value: NATIONAL, label: t('campaigns.dashboard.national') }] : []),
    ...(places.data?.provinces ?? []).map((p) => ({ value: p.code!, label: p.name })),
  ];
  const none = places.isSuccess && options.length === 0;
  const query = useQuery({
    queryKey: [...campaignKeys.bulletin, campaign.id, asOf, scope ?? null],
    queryFn: () =>
      api.get<Bulletin>('/bulletin', {
        asOf,
        scope: scope === NATIONAL ? undefined : scope,
        campaignId: campaign.id,
      }),
    enabled: !none,
    refetchInterval: asOf === today ? BULLETIN_MS : false,
    placeholderData: keepPreviousData,
  });
  const copy = async (text: string) => {
    if (await copyText(text)) void message.success(t('campaigns.bulletin.copied'));
    else void message.warning(t('campaigns.bulletin.copyFailed'));
  };
  const shownScope = scope ?? (query.data ? (query.data.scope ?? NATIONAL) : undefined);

  if (none) return <EmptyState description={t('campaigns.bulletin.noScope')} />;
  return (
    <div className="camp-board">
      <div className="camp-toolbar">
        <DatePicker
          aria-label={t('campaigns.bulletin.asOf')}
          format={DATE_FORMAT}
          allowClear={false}
          value={day}
          onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))}
          disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
        />
        <Select<string>
          aria-label={t('campaigns.bulletin.scope')}
          className="camp-picker"
          loading={places.isPending}
          value={shownScope}
          onChange={setScope}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
        />
        {query.data && (
          <Button icon={<CopyOutlined />} onClick={() => copy(query.data.text)}>
            {t('campaigns.bulletin.copy')}
          </Button>
        )}
      </div>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : query.error && !query.data ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <>
          <Card size="small" title={t('campaigns.bulletin.title')} className="camp-card">
            <section aria-label={t('campaigns.bulletin.title')}>
              <p className="camp-bulletin">{query.data.text}</p>
              <p className="muted">{t('campaigns.bulletin.note', { date: formatDate(query.data.asOf) })}</p>
            </section>
          </Card>
          <BulletinFigures bulletin={query.data} />
        </>
      )}
    </div>
  );
}

/** What the paragraph was written from, so a journalist's question can be answered from the screen. */
function BulletinFigures({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const { figures } = bulletin;
  const campaign = figures.campaign;
  return (
    <Card
      size="small"
      title={t('campaigns.bulletin.figures', { name: figures.scopeName, date: formatDate(bulletin.asOf) })}
      className="camp-card"
    >
      <section aria-label={t('campaigns.bulletin.figuresLabel')}>
        <CoverageFacts row={{ ...figures, ...bulletin.coverage }} lastYearAsOf={bulletin.lastYearAsOf} />
        {campaign ? (
          <dl className="camp-facts block-top">
            <div>
              <dt>{t('campaigns.bulletin.campaignVsi', { name: campaign.name })}</dt>
              <dd>
                {campaign.target
                  ? t('campaigns.bulletin.ofTarget', {
                      n: formatNumber(campaign.vsi),
                      share: formatPercent(campaign.vsi / campaign.target),
                      target: formatNumber(campaign.target),
                    })
                  : formatNumber(campaign.vsi)}
              </dd>
            </div>
            <div>
              <dt>{t('campaigns.bulletin.campaignHhi')}</dt>
              <dd>{formatNumber(campaign.hhi)}</dd>
            </div>
          </dl>
        ) : (
          <p className="muted block-top">{t('campaigns.bulletin.noCampaign')}</p>
        )}
      </section>
    </Card>
  );
}

/**
 * The clipboard API exists only on HTTPS pages; a commune office on a plain-HTTP LAN falls back to
 * the old copy command on a hidden text box.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const box = document.createElement('textarea');
    box.value = text;
    box.setAttribute('readonly', '');
    box.style.position = 'fixed';
    box.style.opacity = '0';
    document.body.appendChild(box);
    box.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      box.remove();
    }
  }
}
