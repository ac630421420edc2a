/**
 * The parts of the printed quote sheet that the screen does not need: a heading with the date, the
 * inputs as text (the controls are hidden on paper), the hotline and the "estimate" note. They are in
 * the page all along and shown only by the print style sheet, so "In phiếu tính" is just window.print().
 */
import { useTranslation } from 'react-i18next';
import { Brand } from '../shell/brand.tsx';

export function PrintHeader({ title, date }: { title: string; date: string }) {
  const { t } = useTranslation();
  return (
    <header className="print-only print-header">
      <Brand />
      <h1>{title}</h1>
      <p>{t('calc.printedAt', { date })}</p>
    </header>
  );
}

export function PrintInputs({ items }: { items: [label: string, value: string][] }) {
  const { t } = useTranslation();
  return (
    <div className="print-only print-inputs">
      <h3 className="calc-subtitle">{t('calc.printInputs')}</h3>
      <dl className="calc-breakdown">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function PrintFooter() {
  const { t } = useTranslation();
  return (
    <footer className="print-only print-footer">
      <p className="print-hotline">{t('calc.hotline')}</p>
      <p>{t('calc.estimateNote')}</p>
    </footer>
  );
}
