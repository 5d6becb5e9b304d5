/**
 * What every editor session does the same way: the protocol's view requests (setFilter,
 * setSort, findRow) and the filter's slices (busy, work), answered by its ViewModel.
 * CaptureSession and LogSession extend it and add rows, details and indexing.
 */
import type { ColumnId, FilterError, ViewInfo } from '../protocol/captureMessages';
import type { ViewModel } from './viewModel';

export abstract class ViewedSession {
  protected abstract readonly viewModel: ViewModel;

  /** A filter still has units to evaluate. */
  get busy(): boolean {
    return this.viewModel.busy;
  }

  /** Evaluates the filter on up to `budget` more units. */
  work(budget: number): void {
    this.viewModel.work(budget);
  }

  viewInfo(): ViewInfo {
    return this.viewModel.info();
  }

  setFilter(args: {
    text: string;
  }): { ok: true; view: ViewInfo } | { ok: false; error: FilterError } {
    return this.viewModel.setFilter(args.text);
  }

  setSort(args: { column: ColumnId; descending: boolean }): { view: ViewInfo } {
    return this.viewModel.setSort(args.column, args.descending);
  }

  findRow(args: { number: number }): { index: number | null } {
    return { index: this.viewModel.findRow(args.number) };
  }
}
