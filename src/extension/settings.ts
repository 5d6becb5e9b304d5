/** DNSpector's settings (package.json contributes.configuration), read with their defaults. */
import * as vscode from 'vscode';
import type { TimeDisplay } from '../core/protocol/captureMessages';

export interface Settings {
  extraDnsPorts: number[];
  timeDisplay: TimeDisplay;
  timeZone: 'local' | 'UTC';
  binSize: 'auto' | '1s' | '1m' | '1h' | '1d';
  topN: number;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('dnspector');
  const ports = c.get<unknown[]>('extraDnsPorts', []);
  return {
    extraDnsPorts: ports.filter(
      (p): p is number => typeof p === 'number' && Number.isInteger(p) && p > 0 && p < 65536,
    ),
    timeDisplay: oneOf(c.get('timeDisplay'), ['relative', 'absolute', 'delta'], 'relative'),
    timeZone: oneOf(c.get('timeZone'), ['local', 'UTC'], 'local'),
    binSize: oneOf(c.get('binSize'), ['auto', '1s', '1m', '1h', '1d'], 'auto'),
    topN: Math.min(1000, Math.max(1, Math.floor(c.get<number>('topN', 10)))),
  };
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(v as T) ? (v as T) : fallback;
}
