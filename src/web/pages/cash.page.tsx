import '../registry.css';
import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth.tsx';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { CommissionsTab } from './cash.commissions.tsx';
import { HoldersTab } from './cash.holders.tsx';
import { LedgerView } from './cash.ledger.tsx';

export function CashPage() {
  return (
    <RequirePermission permission="cash.read">
      <Cash />
    </RequirePermission>
  );
}

function Cash() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manager = can('cash.remit');
  const [tab, setTab] = useState(manager ? 'holders' : 'ledger');
  return (
    <>
      <PageHeader title={t('registry.cash.title')} subtitle={t('registry.cash.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          ...(manager
            ? [{ key: 'holders', label: t('registry.cash.holdersTab'), children: <HoldersTab /> }]
            : []),
          { key: 'ledger', label: t('registry.cash.ledgerTab'), children: <LedgerView /> },
          { key: 'commissions', label: t('registry.cash.commissionsTab'), children: <CommissionsTab /> },
        ]}
      />
    </>
  );
}
