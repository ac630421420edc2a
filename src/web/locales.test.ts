import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import vi from './locales/vi.json';

/** Every key path of a translation tree, e.g. "calc.projection.title". */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('translations', () => {
  it('Vietnamese and English have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('no string is left empty', () => {
    const empty = (tree: object): string[] =>
      keys(tree).filter(
        (path) => path.split('.').reduce<unknown>((node, k) => (node as never)[k], tree) === '',
      );
    expect(empty(vi)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
