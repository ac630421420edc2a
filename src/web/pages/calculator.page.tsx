import '../calculator.css';
import '../calculator.print.css';
import { DisconnectOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/page-header.tsx';
import { type RuleBookState, useRuleBook } from '../components/use-rule-book.ts';
import { formatDate, vietnamToday } from '../format.ts';
import { HhiCalculator } from './calculator.hhi.tsx';
import { PrintFooter, PrintHeader } from './calculator.print.tsx';
import { VsiCalculator } from './calculator.vsi.tsx';

type Tab = 'vsi' | 'hhi';

/**
 * Public: what a person pays, the support they get and the pension they can expect. The law engine
 * runs here in the browser, so the page answers instantly, and offline with the rules saved last time.
 */
export function CalculatorPage() {
  const { t } = useTranslation();
  const rules = useRuleBook();
  const [tab, setTab] = useState<Tab>('vsi');
  const [paymentDate, setPaymentDate] = useState(vietnamToday);

  return (
    <div className="calc-page">
      <PageHeader
        title={t('calc.title')}
        subtitle={t('calc.subtitle')}
        extra={
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('calc.print')}
          </Button>
        }
      />
      <RulesNotice state={rules} />
      <PrintHeader
        title={t(tab === 'vsi' ? 'calc.printTitle' : 'calc.printTitleHhi')}
        date={formatDate(vietnamToday())}
      />
      <Tabs
        className="calc-tabs"
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          {
            key: 'vsi',
            label: t('calc.tabVsi'),
            children: (
              <VsiCalculator book={rules.book} paymentDate={paymentDate} onPaymentDate={setPaymentDate} />
            ),
          },
          {
            key: 'hhi',
            label: t('calc.tabHhi'),
            children: (
              <HhiCalculator book={rules.book} paymentDate={paymentDate} onPaymentDate={setPaymentDate} />
            ),
          },
        ]}
      />
      <PrintFooter />
    </div>
  );
}

/** Which rules the page fell back on when the server could not be reached. */
function RulesNotice({ state }: { state: RuleBookState }) {
  const { t } = useTranslation();
  if (!state.offline && !state.failed) return null;
  const date = state.savedAt ? formatDate(state.savedAt) : null;
  const key = state.offline
    ? date
      ? 'calc.offline'
      : 'calc.offlineBundled'
    : date
      ? 'calc.staleRules'
      : 'calc.staleRulesBundled';
  return (
    <Alert
      className="calc-rules-notice no-print"
      type="warning"
      showIcon
      icon={<DisconnectOutlined />}
      title={t(key, { date })}
      role="status"
    />
  );
}
