import { describe, expect, it } from 'vitest';
import enCampaigns from './locales/en.campaigns.json';
import en from './locales/en.json';
import enLeads from './locales/en.leads.json';
import enRegistry from './locales/en.registry.json';
import enReports from './locales/en.reports.json';
import viCampaigns from './locales/vi.campaigns.json';
import vi from './locales/vi.json';
import viLeads from './locales/vi.leads.json';
import viRegistry from './locales/vi.registry.json';
import viReports from './locales/vi.reports.json';

/** Every key path of a translation tree, e.g. "calc.projection.title". */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

// The shell's strings, and the screens that keep theirs in files of their own.
const PAIRS: [string, object, object][] = [
  ['shell', vi, en],
  ['registry', viRegistry, enRegistry],
  ['campaigns', viCampaigns, enCampaigns],
  ['reports', viReports, enReports],
  ['leads', viLeads, enLeads],
];

describe.each(PAIRS)('the %s translations', (_name, viTree, enTree) => {
  it('Vietnamese and English have the same keys', () => {
    expect(keys(enTree).sort()).toEqual(keys(viTree).sort());
  });

  it('no string is left empty', () => {
    const empty = (tree: object): string[] =>
      keys(tree).filter(
        (path) => path.split('.').reduce<unknown>((node, k) => (node as never)[k], tree) === '',
      );
    expect(empty(viTree)).toEqual([]);
    expect(empty(enTree)).toEqual([]);
  });
});

describe('the translation files', () => {
  it('never define the same top-level key twice, so no file hides another', () => {
    const tops = [vi, viRegistry, viCampaigns, viReports, viLeads].flatMap((tree) => Object.keys(tree));
    expect(new Set(tops).size).toBe(tops.length);
  });
});
