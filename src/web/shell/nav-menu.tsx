import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CarryOutOutlined,
  EnvironmentOutlined,
  FileExcelOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  MessageOutlined,
  PhoneOutlined,
  ReadOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { Link, useLocation } from '@tanstack/react-router';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth.tsx';
import { NAV_ITEMS, type NavPath, orderedNavItems } from './nav-items.ts';

const ICONS: Record<NavPath, ReactNode> = {
  '/': <HomeOutlined />,
  '/tinh-muc-dong': <CalculatorOutlined />,
  '/don-vi-hanh-chinh': <EnvironmentOutlined />,
  '/to-chuc': <ApartmentOutlined />,
  '/nguoi-dung': <TeamOutlined />,
  '/nhat-ky': <AuditOutlined />,
  '/mau-so': <BarChartOutlined />,
  '/quy-dinh': <ReadOutlined />,
  '/viec-can-lam': <CarryOutOutlined />,
  '/nhac-dong': <MessageOutlined />,
  '/nguoi-tham-gia': <IdcardOutlined />,
  '/ho-gia-dinh': <UsergroupAddOutlined />,
  '/so-quy': <WalletOutlined />,
  '/chien-dich': <FlagOutlined />,
  '/khach-hang-tiem-nang': <PhoneOutlined />,
  '/bao-cao': <FileExcelOutlined />,
};

/** The pages this role may open; the others are not shown at all. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const { pathname } = useLocation();
  const items = orderedNavItems(user?.role)
    .filter((item) => item.permission === null || can(item.permission))
    .map((item) => ({
      key: item.to,
      icon: ICONS[item.to],
      label: (
        <Link to={item.to} onClick={onNavigate}>
          {t(item.label)}
        </Link>
      ),
    }));
  const selected = NAV_ITEMS.filter((i) => i.to !== '/' && pathname.startsWith(i.to)).map((i) => i.to);
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected.length ? selected : pathname === '/' ? ['/'] : []}
      />
    </nav>
  );
}
