/**
 * What a capture session needs from the rest of core, wired once for every owner (the
 * index worker, tests): the display-filter compiler evaluated over a packet's field tree,
 * and the field help shown in hovers.
 */
import { compileFilter } from '../filter/displayFilter';
import { treeFieldLookup } from '../filter/treeFieldLookup';
import { fieldHelp } from '../help/fieldHelp';
import type { FilterCompiler } from './captureSession';

export const sessionFilterCompiler: FilterCompiler = (text) => {
  const compiled = compileFilter(text);
  if (!compiled.ok) return compiled;
  const filter = compiled.filter;
  return {
    ok: true,
    filter: {
      fields: filter.fields,
      matches: (tree) => filter.matches(treeFieldLookup(tree)),
      matchesLookup: (lookup) => filter.matches(lookup),
    },
  };
};

export const sessionFieldHelp = fieldHelp;
