import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Input, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { LoadError } from '../components/query-state.tsx';
import { useDay } from '../components/use-day.ts';
import { useDebounced } from '../components/use-debounced.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { rulesQuery } from '../components/use-rule-book.ts';
import { DATE_FORMAT, formatDate, vietnamToday } from '../format.ts';
import type { RuleSetView } from '../types.ts';
import { RuleHistory } from './rules.history.tsx';
import { ParamForm } from './rules.param-form.tsx';
import { ParamTable } from './rules.params.tsx';
import { TopupForm } from './rules.topup-form.tsx';
import { TopupTable } from './rules.topups.tsx';

type Editing = { kind: 'param'; key?: string } | { kind: 'topup' } | null;

/** The law as dated data: everyone signed in reads it, administrators add values from a date on. */
export function RulesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const isMobile = useIsMobile();
  const admin = can('rules.manage');
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 200);
  const [date, setDate] = useState(vietnamToday);
  const [tab, setTab] = useState('params');
  const [editing, setEditing] = useState<Editing>(null);
  const day = useDay(date);
  const rules = useQuery(rulesQuery);
  const version = useQuery({
    queryKey: ['rules', 'at', date],
    queryFn: () => api.get<RuleSetView>('/rules/at', { date }),
  });

  const create =
    admin &&
    (tab === 'topups' ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'topup' })}>
        {t('rules.setTopup')}
      </Button>
    ) : (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'param' })}>
        {t('rules.setValue')}
      </Button>
    ));

  return (
    <>
      <PageHeader title={t('rules.title')} subtitle={t('rules.subtitle')} extra={create} />
      <div className="filters">
        <Input
          className="filter-wide"
          type="search"
          aria-label={t('rules.search')}
          placeholder={t('rules.searchPlaceholder')}
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <DatePicker
          className="rules-date"
          aria-label={t('rules.atDate')}
          prefix={<span className="muted">{t('rules.atDate')}</span>}
          format={DATE_FORMAT}
          allowClear={false}
          inputReadOnly={isMobile}
          value={day}
          onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
        />
      </div>
      <div className="rules-version" role="status">
        <Typography.Text type="secondary">{t('rules.version', { date: formatDate(date) })}: </Typography.Text>
        {version.data ? (
          <>
            <Tag color="blue" className="rules-version-id">
              {version.data.id}
            </Tag>
            <Typography.Text type="secondary">
              {t('rules.versionRange', {
                from: formatDate(version.data.validFrom),
                to: version.data.validTo ? formatDate(version.data.validTo) : t('rules.now'),
              })}
            </Typography.Text>
          </>
        ) : version.error ? (
          <Typography.Text type="danger">{version.error.message || '—'}</Typography.Text>
        ) : (
          <Skeleton.Input active size="small" />
        )}
      </div>
      {!admin && <Alert className="block-gap" type="info" showIcon title={t('rules.readOnly')} />}
      {rules.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : rules.error || !rules.data ? (
        <LoadError error={rules.error} onRetry={() => rules.refetch()} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'params',
              label: t('rules.tabParams'),
              children: (
                <ParamTable
                  payload={rules.data}
                  search={search}
                  date={date}
                  onSet={admin ? (key) => setEditing({ kind: 'param', key }) : undefined}
                />
              ),
            },
            {
              key: 'topups',
              label: t('rules.tabTopups'),
              children: <TopupTable payload={rules.data} search={search} date={date} />,
            },
            ...(admin ? [{ key: 'history', label: t('rules.tabHistory'), children: <RuleHistory /> }] : []),
          ]}
        />
      )}
      {rules.data && editing?.kind === 'param' && (
        <ParamForm payload={rules.data} initialKey={editing.key} onClose={() => setEditing(null)} />
      )}
      {rules.data && editing?.kind === 'topup' && (
        <TopupForm payload={rules.data} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
