import { useTranslation } from 'react-i18next';
import { formatPercent } from '../format.ts';

/**
 * % of the target reached, with a mark at % of the time gone: the bar should stay ahead of the
 * mark. Its styles are in campaigns.css.
 */
export function PaceBar({ reached, elapsed }: { reached: number; elapsed: number }) {
  const { t } = useTranslation();
  const label = t('campaigns.dashboard.paceLine', {
    reached: formatPercent(reached, 1),
    elapsed: formatPercent(elapsed, 1),
  });
  return (
    <div className="camp-pace">
      {/* The sentence under the bar says it in words; the bar is for the eye. */}
      <div className="camp-pace-track" aria-hidden="true">
        <div
          className={reached < elapsed ? 'camp-pace-fill is-behind' : 'camp-pace-fill'}
          style={{ width: `${Math.min(100, reached * 100)}%` }}
        />
        <div className="camp-pace-mark" style={{ left: `${Math.min(100, elapsed * 100)}%` }} />
      </div>
      <div className="camp-pace-text">{label}</div>
    </div>
  );
}
