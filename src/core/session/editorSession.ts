/**
 * What the index worker needs from an open file's session, capture or query log alike:
 * the protocol's requests plus filter work in slices, progress and the time setting.
 */
import type { CaptureApi, TimeDisplay, ViewInfo } from '../protocol/captureMessages';

export interface EditorSession extends CaptureApi {
  /** A filter still has units to evaluate. */
  readonly busy: boolean;
  work(budget: number): void;
  viewInfo(): ViewInfo;
  readonly problems: string[];
  finish(problems: readonly string[]): void;
  setTimeDisplay(timeDisplay: TimeDisplay, utc: boolean): void;
  /** The unit at the other end of unit n's transaction (Follow Transaction). */
  partnerOf(n: number): number | undefined;
}
