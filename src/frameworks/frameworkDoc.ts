import { monthsTotal, subPeriodsOf, subPeriodSuffix } from './subPeriods';
import { eventTableView } from './eventTables';
import type { Rule } from './rules';
import type { Column, FigureTemplate, Framework, RowCheck, Where, Window } from './schema';
import { describeTimingCondition, isTimingCondition } from './conditions';

/**
 * A framework's reference page (docs/frameworks/<id>.md), written from its data alone: the case-data columns an
 * export needs with their accepted spellings, every figure with its id and what it counts, and the rules. The
 * checked-in page is tested to equal this, so the documentation cannot drift from the definitions.
 */
export function frameworkDoc(framework: Framework): string {
  const header = headerOf(framework);
  const lines: string[] = [
    `# ${framework.title}`,
    '',
    `Framework \`${framework.id}\`, version ${framework.version}, for the ${framework.commissioner}.`,
    '',
    `Generated from the framework's data by \`npm run docs:frameworks\`: do not edit it by hand. Use the framework with`,
    `\`--framework ${framework.id}\`; figure ids are a stable public contract.`,
    '',
    ...columnsSection(framework),
    ...eventTablesSection(framework),
    ...categoriesSection(framework),
    ...populationsSection(framework, header),
    ...figuresSection(framework, header),
    ...listsSection(framework, header),
    ...narrativeTablesSection(framework),
    ...profilesSection(framework),
    ...rulesSection(framework),
    ...rowChecksSection(framework, header),
    ...changesSection(framework),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A column's header as the docs name it (a numbered column as its first … last). */
function headerOf(framework: Framework): (key: string) => string {
  const columns = new Map(framework.columns.map((c) => [c.key, c]));
  return (key) => {
    const column = columns.get(key);
    return column?.type === 'category' && column.repeat ? `${column.header.replace('#', '1')} … ${column.repeat}` : column?.header ?? key;
  };
}

/** Table cells: no line breaks or bars that would end the cell. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const code = (text: string) => `\`${text}\``;
const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
/** A category list's heading, and the link GitHub makes for it (lower case, punctuation dropped, spaces as -). */
const listHeading = (framework: Framework, id: string) => `${framework.categories[id]?.label ?? id} (\`${id}\`)`;
const anchor = (framework: Framework, id: string) => `#${listHeading(framework, id).toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-')}`;

/** The columns of a table as rows of the docs' column table: header, other headers, values, required. */
function columnRows(framework: Framework, columns: readonly Column[]): string[] {
  return columns.map((c) => {
    const name = c.type === 'category' && c.repeat ? `${c.header.replace('#', '1')} … ${c.header.replace('#', String(c.repeat))}` : c.header;
    const also = c.type === 'category' && c.repeat ? c.synonyms.map((s) => s.replace('#', 'n')) : c.synonyms;
    return `| ${cell(name)} | ${cell(also.join(', '))} | ${cell(columnValues(framework, c))} | ${c.required ? 'yes' : 'no'} |`;
  });
}

/** Each event table: what a row is, how it joins to the cases, and its columns. */
function eventTablesSection(framework: Framework): string[] {
  return framework.events.flatMap((table) => {
    const view = eventTableView(framework, table.id);
    const header = headerOf(view);
    return [
      `## Event data: ${table.label} (\`${table.id}\`)`,
      '',
      `A second table, given beside the case data (\`--events ${table.id}=FILE\`): one row is one event of a case, joined to it by`,
      `${header(table.caseId)}; a case can have many. Events dated (${header(table.date)}) in the period are counted. A row whose`,
      `${header(table.caseId)} matches no case in the case data is reported and counted nowhere${table.eventId ? `, and so is a row repeating an earlier row's ${header(table.eventId)}` : ''}.`,
      'Case IDs match whatever their letter case or the spaces around them ("ss-101 " is case SS-101), as the filled',
      'workbook\'s formulas match them; so two cases whose IDs differ only so are one case, the second a repeat.',
      'Headers and values are read as the case data\'s are.',
      '',
      '| header | also accepted | values | required |',
      '|---|---|---|---|',
      ...columnRows(framework, table.columns),
      '',
      ...(table.rowChecks.length
        ? ['Rows that contradict themselves, reported with the file, the row, its Case ID and the columns; the row is still counted by the definitions as given:', '', ...rowCheckTable(view, header, table.rowChecks), '']
        : []),
    ];
  });
}

function columnsSection(framework: Framework): string[] {
  const rows = columnRows(framework, framework.columns);
  return [
    '## Case data: the columns',
    '',
    'One row is one case. The first non-blank row is the header row; headers are matched ignoring case, spaces,',
    'punctuation, a trailing hint such as `(Y/N)`, a leading `Victim`, `Client` or `Service user` and `Date/Time` for',
    '`Date`, against the header and the other accepted headers. Other',
    'columns are kept and ignored. A missing required column stops the import; a missing optional one leaves the',
    'figures that need it blank, never 0.',
    '',
    '| header | also accepted | values | required |',
    '|---|---|---|---|',
    ...rows,
    '',
    `Yes/no columns: yes is ${quoted(framework.flags.yes)}; no is ${quoted(framework.flags.no)}; blank${framework.flags.unknown.length ? ` and ${quoted(framework.flags.unknown)}` : ''} are not known, which is never counted as no.`,
    '',
    `Not stated: blank and ${quoted(framework.notStated)} go to a list's not-stated bucket where it has one, unless the list names the word among a category's own spellings. In a required column whose list has no such bucket, they are reported: the row is left out of the figures that ask for that column.`,
    '',
  ];
}

function columnValues(framework: Framework, column: Column): string {
  switch (column.type) {
    case 'text':
      return column.unique ? 'text, one row per value' : 'text';
    case 'date':
      return 'a date (day first, ISO or an Excel date; a time may follow)';
    case 'datetime':
      return 'a date and time of day (03/04/2024 14:35, 2024-04-03T14:35, 3 Apr 2024 2:35 pm or an Excel date-time); a date alone is that day at 00:00 (compared by calendar day in a "within N hours" condition)';
    case 'flag':
      return column.answers && (column.answers.yes.length || column.answers.no.length)
        ? `yes / no; here also ${[...(column.answers.yes.length ? [`yes: ${quoted(column.answers.yes)}`] : []), ...(column.answers.no.length ? [`no: ${quoted(column.answers.no)}`] : [])].join('; ')}`
        : 'yes / no';
    case 'whole':
      return 'a whole number ≥ 0 (blank is 0 where it is added up)';
    case 'list':
      return `names separated by "${column.separator}"`;
    case 'category':
      return `one of [${framework.categories[column.category]?.label ?? column.category}](${anchor(framework, column.category)})`;
    case 'age':
      return `an age in years, an age band of [${framework.categories[column.category]?.label ?? column.category}](${anchor(framework, column.category)}), or a date of birth (the age at the ${framework.columns.find((c) => c.key === column.asOf)?.header ?? column.asOf})`;
  }
}

function categoriesSection(framework: Framework): string[] {
  const lines = ['## Category lists', '', 'A value is matched against each category\'s label, its id and its other spellings.', ''];
  for (const [id, list] of Object.entries(framework.categories)) {
    const ages = list.items.some((i) => i.min !== undefined);
    lines.push(`### ${listHeading(framework, id)}`, '');
    lines.push(ages ? '| id | label | ages | also accepted |' : '| id | label | also accepted |', ages ? '|---|---|---|---|' : '|---|---|---|');
    for (const item of list.items) {
      const narrowed = item.refines?.map((id) => list.items.find((i) => i.id === id)?.label ?? id) ?? [];
      const also = [
        ...(item.id === list.unknown ? ['blank', 'not-stated words', 'any value not recognised (reported)'] : []),
        ...item.synonyms,
        ...(narrowed.length ? [`any of these as the detail after a spelling of ${narrowed.join(' or ')} (group - detail)`] : []),
      ];
      const span = item.min === undefined ? '' : item.max === undefined ? `${item.min} and over` : `${item.min}–${item.max}`;
      lines.push(`| ${code(item.id)} | ${cell(item.label)} |${ages ? ` ${span} |` : ''} ${cell(also.join(', '))} |`);
    }
    lines.push('');
  }
  return lines;
}

const WINDOWS: Record<Window, string> = {
  referred_in_period: 'referred in the period',
  open_at_start: 'open at the start (referred before the first day, with no exit date or one on or after it)',
  active: 'active in the period (referred by the last day, with no exit date or one on or after the first day)',
  exited_in_period: 'exited in the period',
  open_at_end: 'open at the end (referred by the last day, with no exit date or one after it)',
};

function populationsSection(framework: Framework, header: (key: string) => string): string[] {
  return [
    '## Populations',
    '',
    'The cases each figure counts from. Periods include both days.',
    '',
    '| id | cases | in words |',
    '|---|---|---|',
    ...Object.entries(framework.populations).map(([id, p]) => {
      const conditions = conditionText(framework, header, p.where, p.anyOf);
      return `| ${code(id)} | ${cell(p.label)} | ${cell(`${p.windows.map((w) => WINDOWS[w]).join(', and ')}${conditions ? `, where ${conditions}` : ''}`)} |`;
    }),
    '',
  ];
}

function figuresSection(framework: Framework, header: (key: string) => string): string[] {
  const lines = ['## Figures', '', '`<column>` in an id stands for each category of that column\'s list, in the list\'s order.', ''];
  for (const section of framework.sections) {
    const templates = framework.figures.filter((f) => f.section === section.id);
    if (!templates.length) continue;
    lines.push(`### ${section.label} (sheet ${section.sheet})`, '', '| id | figure | counts |', '|---|---|---|');
    for (const f of templates) lines.push(`| ${code(f.id)} | ${cell(f.groupLabel ?? f.label)} | ${cell(`${figureText(framework, header, f)}${subPeriodText(framework, f)}${f.help ? ` ${f.help}` : ''}`)} |`);
    lines.push('');
  }
  return lines;
}

/** Which months and rolling window a figure is also asked over, with the ids they get. */
function subPeriodText(framework: Framework, f: FigureTemplate): string {
  const subs = subPeriodsOf(f, framework);
  const months = subs.filter((s) => s.kind === 'month');
  // A percentage's period value is over the period's numerator and base, not its months' percentages added.
  const total = f.kind === 'percentage' ? 'over the period\'s numerator and base' : { sum: 'their sum', last: 'the last month\'s (a count at the period\'s end)', first: 'the first month\'s (a count at its start)', distinct: 'counted over the whole period, each case once' }[monthsTotal(f, framework)];
  const parts = [
    ...(months.length ? [` Month by month: ${code(`${f.id}.m1`)} … ${code(`${f.id}.m${months.length}`)}, each counted over its month; ${code(f.id)} is ${total}.`] : []),
    ...subs.filter((s) => s.kind === 'rolling').map((s) => ` Also over the ${s.months} months to the period's end: ${code(`${f.id}.${subPeriodSuffix(s)}`)}.`),
  ];
  return parts.join('');
}

function figureText(framework: Framework, header: (key: string) => string, f: FigureTemplate): string {
  const population = (id: string) => framework.populations[id]?.label ?? id;
  switch (f.kind) {
    case 'count': {
      const conditions = conditionText(framework, header, f.where, f.anyOf);
      const by = f.by.length ? `, by ${f.by.map((b) => `${header(b)} (${code(`<${b}>`)})`).join(' and ')}` : '';
      return `Cases ${population(f.population)}${conditions ? ` where ${conditions}` : ''}${by}.`;
    }
    case 'sum':
      return `The sum of ${header(f.column)} over cases ${population(f.population)} (blank is 0).`;
    case 'sum_of':
      return `The sum of ${f.figures.map(code).join(', ')}.`;
    case 'input':
      return `Typed in by the provider: not counted from case rows${f.money ? '; an amount in pounds (£1,234.50 or 75p)' : ''}${f.notApplicable ? '; N/A (not applicable) may be typed, which is neither blank nor 0' : ''}.`;
    case 'percentage':
      return `${code(f.numerator)} as a percentage of its base ${code(f.base)} (100 × ${code(f.numerator)} ÷ ${code(f.base)}), to one decimal; blank when the base is 0.`;
    case 'event_count':
    case 'event_cases': {
      const table = eventTableView(framework, f.events);
      const events = framework.events.find((t) => t.id === f.events)?.label ?? f.events;
      const eventHeader = headerOf(table);
      const conditions = conditionText(table, eventHeader, f.where, f.anyOf);
      const by = f.by.length ? `, by ${f.by.map((b) => `${eventHeader(b)} (${code(`<${b}>`)})`).join(' and ')}` : '';
      const matching = `${events} (${code(f.events)}) dated in the period${conditions ? ` where ${conditions}` : ''}`;
      if (f.kind === 'event_count') return `Rows of ${matching}${by}.`;
      const caseConditions = conditionText(framework, header, f.caseWhere);
      return `Cases${f.population ? ` ${population(f.population)}` : ''}${caseConditions ? ` where ${caseConditions}` : ''} with at least one row of ${matching} (a case counts once however many it has)${by}.`;
    }
    case 'duration': {
      const conditions = conditionText(framework, header, f.where, f.anyOf);
      const over = [...(f.population ? [`cases ${population(f.population)}`] : ['cases']), ...(f.endedInPeriod ? [`whose ${header(f.to)} is in the period`] : [])].join(' ');
      const unit = { hours: 'hours (between the two date-and-times, to the second)', days: 'calendar days', weeks: 'weeks (calendar days ÷ 7)' }[f.unit];
      return `The mean time in ${unit} from ${header(f.from)} to ${header(f.to)}, over the ${over}${conditions ? ` where ${conditions}` : ''}; 2 decimals; blank when there are none. A case with either blank is left out, and so is one whose ${header(f.to)} is before its ${header(f.from)} (reported as a row issue).`;
    }
    case 'waiting_average_number':
      return `The average, over the days of the period, of the cases on the waiting list that day (${header(f.start)} on or before it, ${header(f.end)} blank or after it); 2 decimals.`;
    case 'waiting_average_days':
      return `The average days from ${header(f.start)} to ${header(f.end)} of the cases whose ${header(f.end)} is in the period; 2 decimals; blank when there are none.`;
  }
}

function conditionText(framework: Framework, header: (key: string) => string, where: Where, anyOf?: Where[]): string {
  const all = conditionsOf(framework, header, where);
  if (anyOf) all.push(`either ${anyOf.map((alt) => `(${conditionsOf(framework, header, alt).join(' and ')})`).join(' or ')}`);
  return all.join(' and ');
}

function conditionsOf(framework: Framework, header: (key: string) => string, where: Where): string[] {
  const column = (key: string) => framework.columns.find((c) => c.key === key);
  const label = (key: string, value: string) => {
    const c = column(key);
    const list = c && (c.type === 'category' || c.type === 'age') ? framework.categories[c.category] : undefined;
    return list?.items.find((i) => i.id === value)?.label ?? value;
  };
  const values = (key: string, v: string | string[], joiner: string) => (Array.isArray(v) ? v : [v]).map((x) => label(key, x)).join(joiner);
  return Object.entries(where).map(([key, condition]) => {
    const name = header(key);
    const c = column(key);
    const repeated = c?.type === 'category' && c.repeat !== undefined;
    if (isTimingCondition(condition)) return describeTimingCondition(name, condition, header);
    if (typeof condition === 'object' && !Array.isArray(condition)) {
      if ('blank' in condition) return repeated ? `all of ${name} are blank` : `${name} is ${condition.blank ? '' : 'not '}blank`;
      if (repeated) return `none of ${name} is ${values(key, condition.not, ' or ')}`;
      return Array.isArray(condition.not) && condition.not.length > 1 ? `${name} is none of ${values(key, condition.not, ', ')}` : `${name} is not ${values(key, condition.not, '')}`;
    }
    return `${name} is ${values(key, condition, ' or ')}`;
  });
}

function listsSection(framework: Framework, header: (key: string) => string): string[] {
  if (!framework.lists.length && !framework.narratives.length) return [];
  const population = (id: string) => framework.populations[id]?.label ?? id;
  return [
    '## Lists and narrative',
    '',
    '| id | what | from |',
    '|---|---|---|',
    ...framework.lists.map((l) =>
      `| ${code(l.id)} | ${cell(l.label)} | ${cell(l.kind === 'names' ? `the names in ${header(l.column)} of cases ${population(l.population)}, with how many cases name each` : `the ${header(l.column)} texts of cases ${population(l.population)}${l.maxWords ? `, at most ${l.maxWords} words each` : ''}`)} |`,
    ),
    ...framework.narratives.map((n) => `| ${code(n.id)} | ${cell(n.label)} | typed in by the provider (${n.kind === 'text' ? 'text' : 'a number'}) |`),
    '',
  ];
}

function profilesSection(framework: Framework): string[] {
  if (!framework.profiles.length) return [];
  return [
    '## Service profiles',
    '',
    `A return is made under one profile (\`--profile ID\`, kept in the workbook; the default is \`${framework.profiles[0]!.id}\`). A figure a`,
    'profile names is asked only of services with that profile: under any other it is not applicable, never missing.',
    'Every other figure is asked of all of them.',
    '',
    '| id | service | figures asked only of it |',
    '|---|---|---|',
    ...framework.profiles.map((p) => `| ${code(p.id)} | ${cell(p.label)} | ${p.figures.map(code).join(', ')} |`),
    '',
  ];
}

function rulesSection(framework: Framework): string[] {
  if (!framework.rules.length) return [];
  return [
    '## Rules',
    '',
    'Severity: **error** must be fixed; **query** fix it or explain it; **info** for the reader. `*` in a figure',
    'id stands for one part, `**` for several; `{name}` takes each value listed under "for each".',
    '',
    '| id | ref | severity | what must hold | over the figures |',
    '|---|---|---|---|---|',
    ...framework.rules.map((r) => `| ${code(r.id)} | ${r.ref ?? ''} | ${r.severity} | ${cell(r.title)} | ${cell(ruleText(r))} |`),
    '',
  ];
}

function ruleText(rule: Rule): string {
  const list = (s: string | string[]) => (Array.isArray(s) ? s : [s]).map(code).join(', ');
  const each = rule.each ? ` For each ${Object.entries(rule.each).map(([k, v]) => `{${k}} in ${v.join(', ')}`).join('; ')}.` : '';
  const text = (() => {
    switch (rule.kind) {
      case 'missing':
        return `Each of ${list(rule.figures)} is filled in${rule.except.length ? ` (except ${list(rule.except)})` : ''}.`;
      case 'not_a_number':
        return `Each of ${list(rule.figures)} is a number, not text.`;
      case 'negative':
        return `Each of ${list(rule.figures)} is 0 or more.`;
      case 'not_whole':
        return `Each of ${list(rule.figures)} is a whole number${rule.except.length ? ` (except ${list(rule.except)})` : ''}.`;
      case 'sum':
        return `${code(rule.total)} = the sum of ${list(rule.parts)}.`;
      case 'identity':
        return `${code(rule.figure)} = ${rule.equals.map((t, i) => `${i === 0 && t[0] === '+' ? '' : `${t[0]} `}${code(t.slice(1))}`).join(' ')}.`;
      case 'subset':
        return `${list(rule.part)} ≤ ${Array.isArray(rule.whole) && rule.whole.length > 1 ? rule.whole.map(code).join(' + ') : list(rule.whole)}.`;
      case 'cap':
        return `${code(rule.figure)} ≤ ${rule.factor} × ${code(rule.of)}.`;
      case 'funnel':
        return `${rule.chain.map(code).join(' ≥ ')}.`;
      case 'ratio':
        return `${code(rule.percentage)} = ${code(rule.numerator)} ÷ ${code(rule.denominator)} as a percentage, within ${rule.tolerance}${rule.mayExceed100 ? '; it may pass 100, as a case may count more than once' : ''}.`;
      case 'completeness':
        return `${code(rule.unknown)} is at most ${rule.share * 100}% of ${list(rule.breakdown)}${rule.minBase ? ` (when they add up to ${rule.minBase} or more)` : ''}.`;
      case 'plausibility':
        return `No one of ${list(rule.breakdown)}${rule.exclude.length ? ` (leaving out ${list(rule.exclude)})` : ''} holds ${rule.share * 100}% or more${rule.minBase ? ` (when they add up to ${rule.minBase} or more)` : ''}.`;
      case 'threshold':
        return `${code(rule.figure)} is ${rule.direction === 'at_least' ? 'at least' : 'at most'} ${rule.target}${rule.base ? ` (when ${list(rule.base)} is ${rule.minBase} or more)` : ''}.`;
      case 'small_base':
        return `${code(rule.figure)} is reported with ${code(rule.base)} of at least ${rule.minBase}.`;
      case 'small_count':
        return `Counts of ${rule.min} to ${rule.max} in ${list(rule.figures)} are flagged for suppression.`;
      case 'at_least_one':
        return `${code(rule.list)} has at least ${rule.min === 1 ? `one ${rule.itemLabel}` : `${rule.min} entries (${rule.itemLabel})`}.`;
      case 'complete_rows':
        return `Each ${rule.itemLabel} begun in the table ${code(rule.table)} has every column filled but the optional ones, each with a value of its kind (a number, a date, an amount of money).`;
      case 'text_length':
        return `Each ${rule.itemLabel} of the list ${code(rule.list)} has at most ${rule.maxWords} words.`;
      case 'identifying_text':
        return `No ${rule.itemLabel} of the list ${code(rule.list)} holds an email address, phone number, postcode or date of birth.`;
      case 'repeated_months':
        return `${list(rule.months)} are not all the same (queried when they are, from ${rule.min} up).`;
      case 'period':
        return `The period is one of: ${rule.allowed.map((a) => a.label).join('; ')}.`;
      case 'continuity':
        return `${code(rule.figure)} = the previous return's ${code(rule.previous)}.`;
    }
  })();
  return `${text}${each}`;
}

function rowChecksSection(framework: Framework, header: (key: string) => string): string[] {
  if (!framework.rowChecks.length) return [];
  return [
    '## Rows that contradict themselves',
    '',
    'Reported with the row, its Case ID and the columns; the row is still counted by the definitions as given.',
    '',
    ...rowCheckTable(framework, header, framework.rowChecks),
    '',
  ];
}

/** A table's row checks (the case data's, or an event table's seen through its view). */
function rowCheckTable(table: Framework, header: (key: string) => string, checks: RowCheck[]): string[] {
  return [
    '| id | severity | problem | when |',
    '|---|---|---|---|',
    ...checks.map((c) => `| ${code(c.id)} | ${c.severity} | ${cell(`${c.title}: ${c.problem}.`)} | ${cell(conditionText(table, header, c.where, c.anyOf))} |`),
  ];
}

function changesSection(framework: Framework): string[] {
  if (!framework.changes.length) return [];
  return [
    '## Versions',
    '',
    '| version | what changed | figures whose meaning changed | figures added |',
    '|---|---|---|---|',
    ...framework.changes.map((c) => `| ${c.version} | ${cell(c.summary)} | ${c.changed.map(code).join(', ')} | ${c.added.map(code).join(', ')} |`),
    '',
  ];
}

const TABLE_COLUMN_KINDS = { text: 'text', number: 'a number', date: 'a date', money: 'an amount of money in pounds (£1,234.50, 75p)' } as const;

/** The tables the provider types rows into: each column, and how many rows. */
function narrativeTablesSection(framework: Framework): string[] {
  if (!framework.tables.length) return [];
  return [
    '## Tables typed into the return',
    '',
    'Typed in by the provider, one row per item, under the table\'s header row (the rows are the workbook name `table.<id>`).',
    'An open-ended table offers 5 blank rows: insert more rows inside the table, not below it, so they stay part of it.',
    'In a figures file (`--json`), a table is `"tables": { "<id>": [ { "<column key>": value, … }, … ] }`.',
    '',
    ...framework.tables.flatMap((t) => [
      `### ${t.label} (${code(t.id)})`,
      '',
      `${t.rows ? `${t.rows} rows` : 'Open-ended: as many rows as needed'}; section ${t.section}.${t.help ? ` ${t.help}` : ''}`,
      '',
      '| column key | header | holds |',
      '|---|---|---|',
      ...t.columns.map((c) => `| ${code(c.key)} | ${cell(c.header)} | ${TABLE_COLUMN_KINDS[c.type]}${c.optional ? ' (may be blank)' : ''} |`),
      '',
    ]),
  ];
}
