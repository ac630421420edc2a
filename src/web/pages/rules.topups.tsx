import { Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATEGORIES,
  LEGACY_PROVINCES_2DIGIT,
  PROVINCES_2025,
  type TopupRow,
} from '../../domain/law/index.ts';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import { EmptyState } from '../components/query-state.tsx';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatRate } from '../format.ts';
import type { RulesPayload } from '../types.ts';
import { ConfidenceTag, InForceTag, PeriodText } from './rules.cells.tsx';
import { inForce } from './rules.format.ts';

/** A province by its code in force at the row's start: the 34 from 2025-07-01, the 63 before. */
export function provinceName(code: string, from: string): string {
  const map = from >= '2025-07-01' ? PROVINCES_2025 : LEGACY_PROVINCES_2DIGIT;
  return map[code] ?? code;
}

export function TopupTable({
  payload,
  search,
  date,
}: {
  payload: RulesPayload;
  search: string;
  date: string;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const rows = useMemo(() => {
    const needle = normalizeSearch(search);
    return payload.topups
      .filter(
        (r) =>
          !needle ||
          normalizeSearch(
            `${provinceName(r.provinceCode, r.validFrom)} ${t(`calc.category.${r.category}`)} ${r.basis}`,
          ).includes(needle),
      )
      .sort(
        (a, b) =>
          provinceName(a.provinceCode, a.validFrom).localeCompare(
            provinceName(b.provinceCode, b.validFrom),
            'vi',
          ) ||
          a.validFrom.localeCompare(b.validFrom) ||
          CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category),
      );
  }, [payload.topups, search, t]);

  const intro = (
    <Typography.Paragraph type="secondary" className="rules-intro">
      {t('rules.topupsIntro')}
    </Typography.Paragraph>
  );
  if (rows.length === 0) {
    return (
      <>
        {intro}
        <EmptyState description={search ? t('rules.empty') : t('rules.topupsEmpty')} />
      </>
    );
  }
  const key = (r: TopupRow) => `${r.provinceCode}:${r.category}:${r.validFrom}`;
  if (isMobile) {
    return (
      <>
        {intro}
        <ul className="plain-list" aria-label={t('rules.topupsResults')}>
          {rows.map((r) => (
            <li key={key(r)} className={inForce(r, date) ? 'rules-row is-current' : 'rules-row'}>
              <div className="compact-title">
                <span>
                  {provinceName(r.provinceCode, r.validFrom)} · {t(`calc.category.${r.category}`)}: +
                  {formatRate(r.value)}
                </span>
                <ConfidenceTag value={r.confidence} />
              </div>
              <div className="compact-meta">
                <PeriodText row={r} /> {inForce(r, date) && <InForceTag />}
              </div>
              <div className="compact-meta">{r.basis}</div>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const columns: TableColumnsType<TopupRow> = [
    {
      title: t('rules.province'),
      key: 'province',
      width: 160,
      render: (_, r) => <span className="cell-strong">{provinceName(r.provinceCode, r.validFrom)}</span>,
    },
    {
      title: t('rules.category'),
      dataIndex: 'category',
      width: 180,
      render: (c: string) => t(`calc.category.${c}`),
    },
    {
      title: t('rules.topupValue'),
      dataIndex: 'value',
      width: 120,
      align: 'right',
      render: (v: number) => `+${formatRate(v)}`,
    },
    {
      title: t('rules.colPeriod'),
      key: 'period',
      width: 230,
      render: (_, r) => (
        <>
          <PeriodText row={r} /> {inForce(r, date) && <InForceTag />}
        </>
      ),
    },
    { title: t('rules.colBasis'), dataIndex: 'basis' },
    {
      title: t('rules.colConfidence'),
      dataIndex: 'confidence',
      width: 110,
      align: 'center',
      render: (c: TopupRow['confidence']) => <ConfidenceTag value={c} />,
    },
  ];
  return (
    <section aria-label={t('rules.topupsResults')}>
      {intro}
      <Table<TopupRow>
        size="small"
        rowKey={key}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 960 }}
        rowClassName={(r) => (inForce(r, date) ? 'rules-row is-current' : 'rules-row')}
      />
    </section>
  );
}
