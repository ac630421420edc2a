/**
 * The 34 provinces as a hand-drawn tile grid (no geodata): each tile at its row and column, shaded
 * by the share of its target reached (by registrations until targets are given), or by the
 * coverage of its labour force. A tile is a button when the viewer may open that province; the
 * others keep their place so the country keeps its shape, and the one selected stays marked even
 * when its figures are not the viewer's to see.
 */
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COVERAGE_STEPS, coverageBand, PROVINCE_TILES } from '../../domain/campaigns/tile-map.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { BANDS, enrollmentBands, mapMode, tileBand } from '../pages/campaigns.model.ts';
import type { CoverageRow, ProvinceTile } from './campaign-types.ts';

interface Props {
  tiles: readonly ProvinceTile[];
  /** Given: the tiles are coloured by coverage of the labour force, these provinces' figures. */
  coverage?: readonly CoverageRow[] | undefined;
  selected?: string | null | undefined;
  /** Absent: the tiles are not clickable (a province's officer sees only their own). */
  onSelect?: ((code: string) => void) | undefined;
}

interface Shown {
  code: string;
  short: string;
  band: number;
  value: string;
  share: string | null;
  label: string;
}

export function TileMap({ tiles, coverage, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const rows = Math.max(...PROVINCE_TILES.map((p) => p.row)) + 1;
  const { shown, legend, title } = coverage ? byCoverage(coverage, t) : byTarget(tiles, t);

  return (
    <figure className="camp-map" aria-label={t('campaigns.map.label')}>
      <div className="camp-map-grid" style={{ gridTemplateRows: `repeat(${rows}, auto)` }}>
        {PROVINCE_TILES.map((place) => {
          const tile = shown.get(place.code);
          const style = { gridRow: place.row + 1, gridColumn: place.col + 1 };
          const marked = selected === place.code ? ' is-selected' : '';
          if (!tile) {
            return (
              <div key={place.code} className={`camp-tile is-out${marked}`} style={style} aria-hidden="true">
                <span className="camp-tile-name">{place.short}</span>
              </div>
            );
          }
          const className = `camp-tile band-${tile.band}${marked}`;
          const body = (
            <>
              <span className="camp-tile-name">{tile.short}</span>
              <span className="camp-tile-value">{tile.value}</span>
              {tile.share && <span className="camp-tile-share">{tile.share}</span>}
            </>
          );
          return onSelect ? (
            <button
              key={tile.code}
              type="button"
              className={className}
              style={style}
              aria-label={tile.label}
              aria-pressed={selected === tile.code}
              title={tile.label}
              onClick={() => onSelect(tile.code)}
            >
              {body}
            </button>
          ) : (
            <div key={tile.code} className={className} style={style} role="img" aria-label={tile.label}>
              {body}
            </div>
          );
        })}
      </div>
      <figcaption className="camp-map-legend">
        <span className="muted">{title}</span>
        <ul>
          {legend.map(([band, label]) => (
            <li key={band}>
              <span className={`camp-swatch band-${band}`} /> {label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** By % of target once targets are given to the provinces, by registrations until then. */
function byTarget(tiles: readonly ProvinceTile[], t: TFunction) {
  const mode = mapMode(tiles);
  const max = Math.max(0, ...tiles.map((tile) => tile.enrollments));
  const shown = new Map<string, Shown>(
    tiles.map((tile) => [
      tile.code,
      {
        code: tile.code,
        short: tile.short,
        band: tileBand(tile, mode, max),
        value: formatNumber(tile.enrollments),
        share: tile.target > 0 ? formatPercent(tile.reached, 0) : null,
        label:
          tile.target > 0
            ? t('campaigns.map.tileWithTarget', {
                name: tile.name,
                n: formatNumber(tile.enrollments),
                reached: formatPercent(tile.reached, 1),
                target: formatNumber(tile.target),
              })
            : t('campaigns.map.tile', { name: tile.name, n: formatNumber(tile.enrollments) }),
      },
    ]),
  );
  const legend: [number, ReactNode][] = [
    [0, mode === 'target' ? t('campaigns.map.noTarget') : '0'],
    ...bands(mode, max),
  ];
  const title = mode === 'target' ? t('campaigns.map.legendTarget') : t('campaigns.map.legendEnrollments');
  return { shown, legend, title };
}

/** By participants ÷ labour force, in the bands of the domain's tile map. */
function byCoverage(coverage: readonly CoverageRow[], t: TFunction) {
  const short = new Map(PROVINCE_TILES.map((p) => [p.code, p.short]));
  const shown = new Map<string, Shown>(
    coverage.flatMap((row): [string, Shown][] =>
      row.code === null
        ? []
        : [
            [
              row.code,
              {
                code: row.code,
                short: short.get(row.code) ?? row.name,
                band: coverageBand(row.coverage),
                value: formatPercent(row.coverage, 1),
                share: null,
                label:
                  row.coverage === null
                    ? t('campaigns.map.tileNoCoverage', { name: row.name })
                    : t('campaigns.map.tileCoverage', {
                        name: row.name,
                        coverage: formatPercent(row.coverage),
                        n: formatNumber(row.participants),
                      }),
              },
            ],
          ],
    ),
  );
  const steps = COVERAGE_STEPS.map((s) => formatPercent(s, 0));
  const legend: [number, ReactNode][] = [
    [0, t('campaigns.map.noLabourForce')],
    [1, `< ${steps[0]}`],
    ...steps.slice(1).map((to, i): [number, ReactNode] => [i + 2, `${steps[i]}–${to}`]),
    [COVERAGE_STEPS.length + 1, `≥ ${steps.at(-1)}`],
  ];
  return { shown, legend, title: t('campaigns.map.legendCoverage') };
}

/** The coloured bands and what each means; by registrations, only the bands a count can fall in. */
function bands(mode: 'target' | 'enrollments', max: number): [number, string][] {
  if (mode === 'target') {
    return Array.from({ length: BANDS }, (_, i) => [
      i + 1,
      i === BANDS - 1 ? '≥ 100%' : `${i * 25}–${(i + 1) * 25}%`,
    ]);
  }
  return enrollmentBands(max).flatMap((range, i): [number, string][] =>
    range === null
      ? []
      : [
          [
            i + 1,
            range[0] === range[1]
              ? formatNumber(range[0])
              : `${formatNumber(range[0])}–${formatNumber(range[1])}`,
          ],
        ],
  );
}
