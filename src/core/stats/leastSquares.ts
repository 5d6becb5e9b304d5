/**
 * Ordinary least-squares fit of y on x (y = slope·x + intercept) with the coefficient of
 * determination R² = 1 - SS_res / SS_tot. Computed from centred sums in one pass with
 * Welford-style updates, which stay accurate for large counts.
 */

export interface LineFit {
  n: number;
  slope: number | null;
  intercept: number | null;
  r2: number | null;
}

export function leastSquares(xs: readonly number[], ys: readonly number[]): LineFit {
  const n = Math.min(xs.length, ys.length);
  let mx = 0;
  let my = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    const k = i + 1;
    const dx = x - mx;
    const dy = y - my;
    mx += dx / k;
    my += dy / k;
    sxx += dx * (x - mx);
    syy += dy * (y - my);
    sxy += dx * (y - my);
  }
  if (n < 2 || sxx <= 0) return { n, slope: null, intercept: null, r2: null };
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  // With an intercept, R² equals the squared correlation; undefined when y is constant.
  const r2 = syy > 0 ? Math.min(1, Math.max(0, (sxy * sxy) / (sxx * syy))) : null;
  return { n, slope, intercept, r2 };
}
