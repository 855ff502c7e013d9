import { breakdownListOf, figuresOf, type Figure } from '../../frameworks/expand';
import { matchFigures } from '../../frameworks/selectors';
import type { ReturnData } from './returnData';

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** What a rule's check reads: the return's figures by id, their labels, and the previous return if given. */
export class CheckContext {
  readonly ids: string[];
  private readonly byId: Map<string, Figure>;

  constructor(
    readonly data: ReturnData,
    readonly previous: ReturnData | null = null,
  ) {
    const figures = figuresOf(data.framework);
    this.ids = figures.map((f) => f.id).filter((id) => !data.held || data.held.has(id));
    this.byId = new Map(figures.map((f) => [f.id, f]));
  }

  select(selector: string | string[]): string[] {
    return matchFigures(selector, this.ids);
  }

  label(id: string): string {
    return this.byId.get(id)?.label ?? id;
  }

  /** The figure's value when it is a usable number; blanks and text are reported by the value rules. */
  number(id: string, from: ReturnData = this.data): number | undefined {
    const value = from.values[id];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  /** Numbers of several figures, or undefined when any of them is not a usable number. */
  numbers(ids: string[], from: ReturnData = this.data): number[] | undefined {
    const values = ids.map((id) => this.number(id, from));
    return values.every((v): v is number => v !== undefined) ? values : undefined;
  }

  /** The name of what a group of figures is broken down by ("gender", "crime type"). */
  breakdownName(ids: string[]): string {
    const figures = ids.map((id) => this.byId.get(id)).filter((f): f is Figure => f !== undefined);
    const columns = Object.keys(figures[0]?.categories ?? {});
    const varying = columns.find((key) => new Set(figures.map((f) => f.categories[key])).size > 1) ?? columns[0];
    return varying ? breakdownListOf(this.data.framework, figures[0]!, varying).label.toLowerCase() : 'category';
  }

  /** The table a figure belongs to, named by its first breakdown ("Gender"). */
  tableName(id: string): string {
    const figure = this.byId.get(id);
    const key = Object.keys(figure?.categories ?? {})[0];
    return key ? breakdownListOf(this.data.framework, figure!, key).label : this.label(id);
  }

  format(value: number): string {
    return numberFormat.format(value);
  }
}
