import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { NetworkTag, UnitKindTag } from '../components/labels.tsx';
import { EmptyState, LoadError } from '../components/query-state.tsx';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatNumber } from '../format.ts';
import type { FormerUnit, UnitDetail } from '../types.ts';

interface Props {
  code: string | null;
  onClose: () => void;
  /** For a province: list its communes. */
  onShowCommunes: (provinceCode: string) => void;
}

/** One unit: where it is, who serves it, and which pre-2025 units were merged into it. */
export function UnitDetailDrawer({ code, onClose, onShowCommunes }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const query = useQuery({
    queryKey: ['units', 'detail', code],
    queryFn: () => api.get<UnitDetail>(`/units/${encodeURIComponent(code ?? '')}`),
    enabled: code !== null,
  });
  const unit = query.data;

  return (
    <Drawer
      open={code !== null}
      onClose={onClose}
      size={isMobile ? '100%' : 520}
      title={unit?.name ?? t('units.detail')}
      loading={query.isPending && code !== null}
      destroyOnHidden
    >
      {query.error ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : unit ? (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'code', label: t('units.code'), children: unit.code },
              { key: 'kind', label: t('units.kind'), children: <UnitKindTag kind={unit.kind} /> },
              ...(unit.province
                ? [{ key: 'province', label: t('units.province'), children: unit.province.name }]
                : []),
              ...(unit.communes !== undefined
                ? [{ key: 'communes', label: t('units.communeCount'), children: formatNumber(unit.communes) }]
                : []),
            ]}
          />
          {unit.level === 'province' ? (
            <Button type="primary" className="block-top" onClick={() => onShowCommunes(unit.code)}>
              {t('units.showCommunes')}
            </Button>
          ) : (
            <CommuneSections unit={unit} />
          )}
        </>
      ) : null}
    </Drawer>
  );
}

function CommuneSections({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2} className="section-title">
        {t('units.servedBy')}
      </Typography.Title>
      {unit.servedBy.length === 0 ? (
        <EmptyState description={t('units.servedByEmpty')} />
      ) : (
        <ul className="plain-list">
          {unit.servedBy.map((org) => (
            <li key={org.id}>
              <div className="compact-title">
                <span>{org.name}</span>
                <NetworkTag network={org.network} />
              </div>
              <div className="compact-meta">
                {t(`orgKind.${org.kind}`)} · {org.code}
              </div>
              {(org.address || org.phone) && (
                <div className="compact-meta">{[org.address, org.phone].filter(Boolean).join(' · ')}</div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Typography.Title level={2} className="section-title">
        {t('units.formerUnits')}
      </Typography.Title>
      {unit.formerUnits.length === 0 ? (
        <EmptyState description={t('units.formerUnitsEmpty')} />
      ) : (
        <ul className="plain-list">
          {unit.formerUnits.map((f) => (
            <li key={`${f.level}-${f.code}`}>
              <div className="compact-title">
                <span>{f.name}</span>
                <Tag className="tag-inline">{t(`formerLevel.${f.level}`)}</Tag>
              </div>
              <div className="compact-meta">{formerPlace(f)}</div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function formerPlace(f: FormerUnit): string {
  return [f.districtName, f.provinceName].filter(Boolean).join(', ');
}
