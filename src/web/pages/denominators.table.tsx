import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { coverageRatio } from '../components/coverage.ts';
import { DemoMark } from '../components/labels.tsx';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatDate, formatNumber, formatPercent } from '../format.ts';
import type { DenominatorItem } from '../types.ts';

interface Props {
  items: DenominatorItem[];
  totals: { labourForce: number; compulsoryParticipants: number; voluntaryOutside: number };
  loading: boolean;
}

/** One row per province; provinces without figures yet say so instead of showing zeros. */
export function DenominatorTable({ items, totals, loading }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const noData = <span className="muted">{t('denominators.noData')}</span>;

  if (isMobile) {
    return (
      <div className="compact-list">
        <ul aria-label={t('denominators.results')}>
          {items.map((d) => (
            <li key={d.provinceCode}>
              <div className="compact-item">
                <div className="compact-title">
                  <span>{d.provinceName}</span>
                  <span>{coverageRatio(d) === null ? noData : formatPercent(coverageRatio(d))}</span>
                </div>
                {d.labourForce !== null && (
                  <div className="compact-meta">
                    {t('denominators.compulsoryOfLabour', {
                      compulsory: formatNumber(d.compulsoryParticipants),
                      labour: formatNumber(d.labourForce),
                    })}
                  </div>
                )}
                {!!d.voluntaryOutside && (
                  <div className="compact-meta">
                    {t('denominators.voluntaryOutside')}: {formatNumber(d.voluntaryOutside)}
                  </div>
                )}
                {d.asOf && (
                  <div className="compact-meta">
                    {formatDate(d.asOf)} · {d.source} {d.isDemo && <DemoMark />}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const columns: TableColumnsType<DenominatorItem> = [
    {
      title: t('denominators.province'),
      dataIndex: 'provinceName',
      render: (name: string, d) => (
        <>
          {name} {d.isDemo && <DemoMark />}
        </>
      ),
    },
    {
      title: t('denominators.labourForce'),
      dataIndex: 'labourForce',
      align: 'right',
      render: (n: number | null) => (n === null ? noData : formatNumber(n)),
    },
    {
      title: t('denominators.compulsory'),
      dataIndex: 'compulsoryParticipants',
      align: 'right',
      render: (n: number | null) => (n === null ? '—' : formatNumber(n)),
    },
    {
      title: t('denominators.voluntaryOutside'),
      dataIndex: 'voluntaryOutside',
      align: 'right',
      render: (n: number | null) => (n === null ? '—' : formatNumber(n)),
    },
    {
      title: t('denominators.coverage'),
      key: 'coverage',
      align: 'right',
      render: (_: unknown, d) => formatPercent(coverageRatio(d)),
    },
    { title: t('denominators.asOfShort'), dataIndex: 'asOf', render: (v: string | null) => formatDate(v) },
    { title: t('denominators.source'), dataIndex: 'source', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Table<DenominatorItem>
      size="middle"
      rowKey={(d) => d.provinceCode}
      columns={columns}
      dataSource={items}
      pagination={false}
      loading={loading}
      scroll={{ x: 'max-content' }}
      summary={() => (
        <Table.Summary.Row className="summary-row">
          <Table.Summary.Cell index={0}>{t('denominators.total')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {formatNumber(totals.labourForce)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {formatNumber(totals.compulsoryParticipants)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            {formatNumber(totals.voluntaryOutside)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            {formatPercent(coverageRatio(totals))}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} colSpan={2} />
        </Table.Summary.Row>
      )}
    />
  );
}
