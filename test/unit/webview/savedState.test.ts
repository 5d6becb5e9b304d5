/**
 * Restoring the webview's saved UI state: anything invalid falls back to the defaults,
 * field by field.
 */
import assert from 'node:assert/strict';
import { defaultState, restoreState } from '../../../webview/capture/savedState';

describe('webview saved state', () => {
  it('gives the defaults for no state or garbage', () => {
    assert.deepEqual(restoreState(undefined), defaultState());
    assert.deepEqual(restoreState('x'), defaultState());
    assert.deepEqual(restoreState({ sort: { column: 'nope', descending: 1 } }), defaultState());
  });

  it('keeps valid fields', () => {
    const s = restoreState({
      filter: 'dns.flags.response == 1',
      selected: 12,
      sort: { column: 'time', descending: true },
      panes: { list: 0.5, tree: 0.25 },
      columns: { info: 600, number: 50 },
    });
    assert.deepEqual(s, {
      filter: 'dns.flags.response == 1',
      selected: 12,
      sort: { column: 'time', descending: true },
      panes: { list: 0.5, tree: 0.25 },
      columns: { info: 600, number: 50 },
    });
  });

  it('drops out-of-range pane sizes, widths and frame numbers', () => {
    const s = restoreState({
      selected: 0,
      panes: { list: 0.8, tree: 0.5 },
      columns: { info: 5, time: 'wide', source: 120.4 },
    });
    assert.equal(s.selected, undefined);
    assert.deepEqual(s.panes, defaultState().panes);
    assert.deepEqual(s.columns, { source: 120 });
  });
});
