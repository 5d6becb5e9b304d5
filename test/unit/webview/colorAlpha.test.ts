/**
 * withAlpha, which makes the dashboard's translucent fills (gap bands, bars) from VS Code's
 * theme colours: every CSS colour form a theme variable comes in gets the alpha (times its
 * own), expected values worked out by hand from the hex digits.
 */
import { strict as assert } from 'node:assert';
import { withAlpha } from '../../../webview/summary/colorAlpha';

describe('withAlpha', () => {
  it('applies the alpha to #rgb, #rrggbb, #rrggbbaa and rgb()/rgba() colours', () => {
    assert.equal(withAlpha('#f00', 0.5), 'rgba(255, 0, 0, 0.5)');
    assert.equal(withAlpha('#E51400', 0.18), 'rgba(229, 20, 0, 0.18)');
    // 0x80 = 128: its own alpha 128/255 times 0.5.
    assert.equal(
      withAlpha('#e5140080', 0.5),
      `rgba(229, 20, 0, ${+((128 / 255) * 0.5).toFixed(3)})`,
    );
    assert.equal(withAlpha('#e514', 1), `rgba(238, 85, 17, ${+(0x44 / 255).toFixed(3)})`);
    assert.equal(withAlpha(' rgb(1, 2, 3) ', 0.25), 'rgba(1, 2, 3, 0.25)');
    assert.equal(withAlpha('rgba(1, 2, 3, 0.5)', 0.5), 'rgba(1, 2, 3, 0.25)');
  });

  it('returns other colours as they are', () => {
    assert.equal(withAlpha('red', 0.5), 'red');
    assert.equal(withAlpha('#12345', 0.5), '#12345');
    assert.equal(withAlpha('var(--x)', 0.5), 'var(--x)');
  });
});
