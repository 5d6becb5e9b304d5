/**
 * Translucent versions of theme colours (the dashboard's gap bands and bar fills). Pure, no
 * DOM, so it is unit-tested in Node; colours are parsed by hand since the forms VS Code's
 * theme variables take are few.
 */

/**
 * `color` at `alpha` (times its own alpha). Theme variables come as #rgb, #rgba, #rrggbb,
 * #rrggbbaa or rgb()/rgba(); anything else is returned as it is.
 */
export function withAlpha(color: string, alpha: number): string {
  const c = color.trim();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(c)?.[1];
  let rgba: number[] | undefined;
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((d) => d + d).join('') : hex;
    rgba = [0, 2, 4, 6].map((i) => (i < full.length ? parseInt(full.slice(i, i + 2), 16) : 255));
    rgba[3] = (rgba[3] ?? 255) / 255;
  } else {
    const m = /^rgba?\(([^)]+)\)$/i.exec(c);
    const parts = m?.[1]
      ?.split(/[\s,/]+/)
      .filter((x) => x !== '')
      .map(Number);
    if (parts && parts.length >= 3 && parts.every((x) => Number.isFinite(x))) {
      rgba = [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    }
  }
  if (!rgba) return color;
  const [r, g, b, a] = rgba;
  return `rgba(${r}, ${g}, ${b}, ${+((a ?? 1) * alpha).toFixed(3)})`;
}
