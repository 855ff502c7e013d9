import type { CellStyle } from './port';

/** The fill colour of each look, the same in every host: inputs pale yellow, findings by severity. */
export const STYLE_FILLS: Partial<Record<CellStyle, string>> = {
  input: '#FFF2CC',
  date_input: '#FFF2CC',
  text_input: '#FFF2CC',
  table_header: '#DCE6F1',
  month_header: '#DCE6F1',
  figure: '#F2F2F2',
  error: '#F8CBAD',
  query: '#FFE699',
  info: '#DDEBF7',
};

export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
/** A month column's heading: the month's first day shown as its name. */
export const MONTH_FORMAT = 'mmm yyyy';
export const HEADING_COLOUR = '#1F4E79';
export const MUTED_COLOUR = '#595959';

/** How a date written into a cell is shown: with its time of day where it has one. */
export const dateFormatOf = (date: Date): string => (date.getTime() % 86_400_000 === 0 ? DATE_FORMAT : DATE_TIME_FORMAT);
