// The one report document every command builds from its JSON value, and each format renders: a
// title, where the numbers come from, the answer (at most ANSWER_MAX_LINES), one hero chart, then
// sections of table | chart | notes | details. Data only: builders fill it, renderers read it.
export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align: Align;
}

export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly string[])[];
}

/** A column: its header and its cell for each row's item; right-aligned unless said. */
export interface Field<T> {
  readonly header: string;
  readonly align?: Align;
  readonly cell: (item: T) => string;
}

/** One row per item, one column per field: every report's tables are built here. */
export function tableFrom<T>(items: readonly T[], fields: readonly Field<T>[]): Table {
  return {
    columns: fields.map((field) => ({ header: field.header, align: field.align ?? 'right' })),
    rows: items.map((item) => fields.map((field) => field.cell(item))),
  };
}

/** hyperfine's closing summary is a few lines; more is a report, not an answer. */
export const ANSWER_MAX_LINES = 6;
/** A title a browser tab and a terminal line can hold. */
export const TITLE_MAX_CHARS = 79;

/** A picture, in each form a format can show: SVG for the page, text for the terminal and markdown. */
export interface Chart {
  readonly caption: string;
  /** One inline <svg class="chart">; null: this chart has no page form. */
  readonly svg: string | null;
  /** Fixed-width lines (bars, swimlanes, a sparkline); null: no text form. */
  readonly text: readonly string[] | null;
  /** A mermaid block for code hosts, preferred over `text` in markdown; null: none. */
  readonly mermaid: string | null;
}

export type Block =
  /** `name`: the table's class on the page, for a reader's style and the browser tests. */
  | { readonly kind: 'table'; readonly table: Table; readonly name?: string }
  | { readonly kind: 'chart'; readonly chart: Chart }
  /** Sentences, each computed from the numbers; `code`: a preformatted excerpt instead. */
  | { readonly kind: 'notes'; readonly lines: readonly string[]; readonly code?: boolean }
  /** Evidence folded away: HTML <details>, the markdown's appendix; the terminal leaves it out. */
  | { readonly kind: 'details'; readonly title: string; readonly blocks: readonly Block[] };

/** The findings on one question (throughput, responsiveness…), led by their conclusion. */
export interface Section {
  readonly title: string;
  /** The one sentence that answers the section's question; null when it has none. */
  readonly conclusion: string | null;
  readonly blocks: readonly Block[];
}

export interface ReportDocument {
  readonly title: string;
  /** Date, command, machine, software, commit and the run's parameters, one line each. */
  readonly provenance: readonly string[];
  /** At most ANSWER_MAX_LINES sentences, figures with intervals, the larger first, then what to do. */
  readonly answer: readonly string[];
  readonly hero: Chart | null;
  readonly sections: readonly Section[];
}

export const table = (value: Table, name?: string): Block =>
  name === undefined ? { kind: 'table', table: value } : { kind: 'table', table: value, name };
export const notes = (lines: readonly (string | null)[]): Block => ({
  kind: 'notes',
  lines: lines.filter((line): line is string => line !== null),
});
export const chart = (value: Chart): Block => ({ kind: 'chart', chart: value });
/** A chart the page draws and the text formats leave to it. */
export const svgChart = (caption: string, svg: string): Chart => ({ caption, svg, text: null, mermaid: null });
export const details = (title: string, blocks: readonly Block[]): Block => ({ kind: 'details', title, blocks });

/** A title cut to TITLE_MAX_CHARS, with `short` in its place when the full one is longer. */
export function titleOf(full: string, short: string): string {
  return full.length <= TITLE_MAX_CHARS ? full : short.slice(0, TITLE_MAX_CHARS);
}
