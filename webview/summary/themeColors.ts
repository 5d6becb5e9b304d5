/**
 * The dashboard's colours, read from VS Code's theme variables (--vscode-charts-*, the
 * editor's foreground and background) with getComputedStyle, so light, dark and
 * high-contrast themes each get their own. VS Code changes the body's class (vscode-light,
 * vscode-dark, vscode-high-contrast) when the theme changes: watchTheme calls back then,
 * and the charts re-read the colours.
 */
import { withAlpha } from './colorAlpha';

export interface ThemeColors {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  /** Series colours, A and AAAA first. */
  series: string[];
  /** The shaded gap bands. */
  band: string;
  /** Percentile marks and the fitted line. */
  accent: string;
  focus: string;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

export function readThemeColors(): ThemeColors {
  const style = getComputedStyle(document.body);
  const v = (name: string, fallback: string): string => cssVar(style, name, fallback);
  const foreground = v('--vscode-charts-foreground', v('--vscode-foreground', '#cccccc'));
  return {
    foreground,
    muted: v('--vscode-descriptionForeground', foreground),
    grid: v('--vscode-charts-lines', withAlpha(foreground, 0.25)),
    background: v('--vscode-editor-background', '#1e1e1e'),
    series: [
      v('--vscode-charts-blue', '#3794ff'),
      v('--vscode-charts-orange', '#d18616'),
      v('--vscode-charts-green', '#89d185'),
      v('--vscode-charts-purple', '#b180d7'),
      v('--vscode-charts-yellow', '#cca700'),
      v('--vscode-charts-red', '#f14c4c'),
    ],
    band: withAlpha(v('--vscode-charts-red', '#f14c4c'), 0.18),
    accent: v('--vscode-charts-red', '#f14c4c'),
    focus: v('--vscode-focusBorder', '#0078d4'),
  };
}

/** Calls `changed` whenever the body's class (the theme kind) changes. */
export function watchTheme(changed: () => void): MutationObserver {
  const observer = new MutationObserver(() => changed());
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  return observer;
}
