import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Network } from '../types.ts';

const NETWORK_COLORS: Record<Network, string> = { vss: 'blue', vnpost: 'gold', agent: 'green' };

export function NetworkTag({ network }: { network: Network }) {
  const { t } = useTranslation();
  return (
    <Tag color={NETWORK_COLORS[network]} variant="outlined">
      {t(`network.${network}`)}
    </Tag>
  );
}

/** Marks rows that come from the demo data set, so no one mistakes them for real figures. */
export function DemoMark() {
  const { t } = useTranslation();
  return (
    <Tag color="orange" className="tag-inline">
      {t('common.demoMark')}
    </Tag>
  );
}

export function UnitKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const color =
    kind === 'phuong' ? 'geekblue' : kind === 'dac_khu' ? 'magenta' : kind === 'xa' ? 'green' : 'purple';
  return (
    <Tag color={color} className="tag-inline">
      {t(`unitKind.${kind}`, { defaultValue: kind })}
    </Tag>
  );
}
