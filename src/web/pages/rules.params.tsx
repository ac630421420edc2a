import { Button, Table, type TableColumnsType, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleRow } from '../../domain/law/index.ts';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import { EmptyState } from '../components/query-state.tsx';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { currentLang } from '../i18n.ts';
import type { RuleKeyView, RulesPayload } from '../types.ts';
import { ConfidenceTag, InForceTag, PeriodText } from './rules.cells.tsx';
import { formatRuleValue, inForce, scopeLabel } from './rules.format.ts';

interface Group {
  key: string;
  info: RuleKeyView;
  rows: RuleRow[];
}

type Line =
  | { type: 'group'; id: string; group: Group }
  | { type: 'row'; id: string; group: Group; row: RuleRow; current: boolean };

interface Props {
  payload: RulesPayload;
  search: string;
  date: string;
  /** Administrators: open the form for this key. */
  onSet?: ((key: string) => void) | undefined;
}

/** Groups rows by key, in the catalogue's order; scopes keep their declared order, then dates. */
export function groupRules(
  payload: RulesPayload,
  search: string,
  lang: 'vi' | 'en',
  scopeText: (k: string, s?: string) => string,
) {
  const needle = normalizeSearch(search);
  const groups: Group[] = [];
  for (const [key, info] of Object.entries(payload.keys)) {
    const order = info.scopes ?? [];
    const rows = payload.rows
      .filter((r) => r.key === key)
      .sort(
        (a, b) =>
          order.indexOf(a.scope ?? '') - order.indexOf(b.scope ?? '') ||
          (a.scope ?? '').localeCompare(b.scope ?? '') ||
          a.validFrom.localeCompare(b.validFrom),
      );
    if (rows.length === 0) continue;
    const head = normalizeSearch(`${info.label[lang]} ${info.label.vi} ${key}`);
    const matching = needle
      ? head.includes(needle)
        ? rows
        : rows.filter((r) => normalizeSearch(`${scopeText(key, r.scope)} ${r.basis}`).includes(needle))
      : rows;
    if (matching.length > 0) groups.push({ key, info, rows: matching });
  }
  return groups;
}

export function ParamTable({ payload, search, date, onSet }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const isMobile = useIsMobile();
  const groups = useMemo(
    () => groupRules(payload, search, lang, (k, s) => scopeLabel(k, s, t)),
    [payload, search, lang, t],
  );
  const lines = useMemo<Line[]>(
    () =>
      groups.flatMap((group) => [
        { type: 'group' as const, id: `g:${group.key}`, group },
        ...group.rows.map((row) => ({
          type: 'row' as const,
          id: `r:${group.key}:${row.scope ?? ''}:${row.validFrom}`,
          group,
          row,
          current: inForce(row, date),
        })),
      ]),
    [groups, date],
  );
  if (groups.length === 0) return <EmptyState description={t('rules.empty')} />;

  const groupTitle = (group: Group) => (
    <div className="rules-group">
      <span className="rules-group-label">{group.info.label[lang]}</span>
      <code className="rules-group-key">{group.key}</code>
      <Tag className="tag-inline">{t(`rules.units.${group.info.unit}`)}</Tag>
      {onSet && (
        <Button size="small" type="link" className="rules-group-set" onClick={() => onSet(group.key)}>
          {t('rules.setValue')}
        </Button>
      )}
    </div>
  );

  if (isMobile) {
    return (
      <section className="rules-mobile" aria-label={t('rules.results')}>
        {groups.map((group) => (
          <section key={group.key} className="rules-mobile-group">
            {groupTitle(group)}
            <ul className="plain-list">
              {group.rows.map((row) => (
                <li
                  key={`${row.scope ?? ''}:${row.validFrom}`}
                  className={inForce(row, date) ? 'rules-row is-current' : 'rules-row'}
                >
                  <div className="compact-title">
                    <span>
                      {row.scope !== undefined && `${scopeLabel(group.key, row.scope, t)}: `}
                      {formatRuleValue(row.value, group.info.unit, t)}
                    </span>
                    <ConfidenceTag value={row.confidence} />
                  </div>
                  <div className="compact-meta">
                    <PeriodText row={row} /> {inForce(row, date) && <InForceTag />}
                  </div>
                  <div className="compact-meta">{row.basis}</div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    );
  }

  const span = (line: Line, first = false) => (line.type === 'group' ? { colSpan: first ? 5 : 0 } : {});
  const columns: TableColumnsType<Line> = [
    {
      title: t('rules.colScope'),
      key: 'scope',
      width: 190,
      onCell: (line) => span(line, true),
      render: (_, line) =>
        line.type === 'group' ? groupTitle(line.group) : scopeLabel(line.group.key, line.row.scope, t) || '—',
    },
    {
      title: t('rules.colValue'),
      key: 'value',
      width: 170,
      align: 'right',
      onCell: (line) => span(line),
      render: (_, line) =>
        line.type === 'row' && (
          <span className="cell-strong">{formatRuleValue(line.row.value, line.group.info.unit, t)}</span>
        ),
    },
    {
      title: t('rules.colPeriod'),
      key: 'period',
      width: 250,
      onCell: (line) => span(line),
      render: (_, line) =>
        line.type === 'row' && (
          <>
            <PeriodText row={line.row} /> {line.current && <InForceTag />}
          </>
        ),
    },
    {
      title: t('rules.colBasis'),
      key: 'basis',
      onCell: (line) => span(line),
      render: (_, line) => line.type === 'row' && line.row.basis,
    },
    {
      title: t('rules.colConfidence'),
      key: 'confidence',
      width: 110,
      align: 'center',
      onCell: (line) => span(line),
      render: (_, line) => line.type === 'row' && <ConfidenceTag value={line.row.confidence} />,
    },
  ];
  return (
    <section aria-label={t('rules.results')}>
      <Table<Line>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={lines}
        pagination={false}
        scroll={{ x: 960 }}
        rowClassName={(line) =>
          line.type === 'group' ? 'rules-group-row' : line.current ? 'rules-row is-current' : 'rules-row'
        }
      />
    </section>
  );
}
