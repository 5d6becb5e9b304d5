/**
 * Progress for long runs on stderr: messages and frames so far and the rate, redrawn in
 * place at most a few times a second, and only when stderr is a terminal (a redirected
 * stderr or a pipe gets nothing, so logs and scripts stay clean).
 */

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const REDRAW_MS = 250;

export class ProgressLine {
  private readonly started: number;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  update(messages: number, frames: number): void {
    if (!this.stream.isTTY) return;
    const t = this.now();
    if (t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    const seconds = Math.max(0.001, (t - this.started) / 1000);
    const rate = Math.round(frames / seconds);
    this.stream.write(
      `\r\x1b[Kdnspector: ${frames} packets, ${messages} DNS messages, ${rate} packets/s`,
    );
    this.drawn = true;
  }

  /** Erases the line (before the report or an error is printed). */
  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
