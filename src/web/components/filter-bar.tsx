import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from './use-is-mobile.ts';

interface Props {
  /** Always visible: the search box. */
  search?: ReactNode;
  /** The other filters: inline on desktop, behind a "Bộ lọc" button on phones. */
  children: ReactNode;
  /** How many of them are set, shown on the button so a hidden filter is never forgotten. */
  active: number;
  /** Always visible, after the filters: e.g. a "create" button. */
  extra?: ReactNode;
}

export function FilterBar({ search, children, active, extra }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  if (!isMobile) {
    return (
      <div className="filters">
        {search}
        {children}
        {extra}
      </div>
    );
  }
  return (
    <div className="filters has-toggle">
      {search}
      <Badge count={active} size="small" className="filter-toggle">
        <Button icon={<FilterOutlined />} aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('filters.toggle')}
        </Button>
      </Badge>
      {open && children}
      {extra}
    </div>
  );
}
