import { Button, Field, Input, Select, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { TemplateMapping } from '../commands/mapTemplate';
import { parseMapping, type Mapping } from '../engine/mapping/mapping';
import { figuresOf } from '../frameworks/expand';
import type { Framework } from '../frameworks/schema';
import type { PaneHost, PaneSession, RunStep } from './paneHost';
import { FilePicker } from './FilePicker';
import { MappedFigures } from './MappedFigures';
import { MappingExport } from './MappingExport';
import { bindFigure, draftOf, sectionsOf, typedCell, unbindFigure, type MappingDraft } from './mappingDraft';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'end' },
  // The binding controls stay in view while the person scrolls the figures.
  bind: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, paddingBlock: '8px', display: 'flex', flexDirection: 'column', gap: '8px' },
});

const CELL_HINT = "Write the cell as Excel does, e.g. Outputs!C20 or 'Section B'!B5.";

export interface MappingPanelProps {
  host: PaneHost;
  session: PaneSession;
  framework: Framework;
  run: RunStep;
  busy: boolean;
}

/**
 * Maps a commissioner's own template: proposes a cell for every figure, lets the person check the unsure ones
 * and bind the rest by hand, saves the mapping into the workbook and offers it for next period's copy.
 */
export function MappingPanel({ host, session, framework, run, busy }: MappingPanelProps) {
  const styles = useStyles();
  const [mapped, setMapped] = useState<{ framework: Framework; draft: MappingDraft } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [only, setOnly] = useState<'all' | 'look'>('all');
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const [savedJson, setSavedJson] = useState<string | null>(null);

  const map = async (previous: Mapping | null) => {
    const proposal = await session.map(framework, previous);
    setMapped({ framework, draft: draftOf(proposal) });
    setChosen(null);
    setSavedJson(null);
    return coverage(proposal, framework);
  };

  const labelOf = (id: string) => figuresOf(mapped!.framework).find((f) => f.id === id)?.label ?? id;
  const update = (draft: MappingDraft) => {
    setMapped({ framework: mapped!.framework, draft });
    session.useMapping(draft.mapping);
    setSavedJson(null);
  };
  const bind = (cell: string) => {
    const { draft, displaced } = bindFigure(mapped!.draft, chosen!, cell);
    update(draft);
    return `${labelOf(chosen!)} is now ${cell}${displaced ? `; ${labelOf(displaced)} no longer has a cell` : ''}.`;
  };
  const bindTyped = () => {
    const cell = typedCell(typed);
    setTypedError(cell ? null : CELL_HINT);
    if (cell) void run(`Binding ${cell}`, async () => bind(cell));
  };

  const sections = mapped ? sectionsOf(mapped.framework, mapped.draft) : [];
  const chosenCell = chosen && mapped ? (mapped.draft.mapping.cells[chosen] ?? null) : null;
  return (
    <section className={styles.panel} aria-labelledby="mapping-heading">
      <Title3 as="h2" id="mapping-heading">
        Map this template
      </Title3>
      <Text>
        {session.name} does not say which return it is. If it is your commissioner&apos;s own template, map it: the figures of the {framework.title} are found from the
        template&apos;s own words, and you check the rest. Last period&apos;s mapping can be imported for this period&apos;s copy.
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void run('Mapping the template', () => map(null))}>
          Map this template
        </Button>
        <FilePicker inputLabel="Mapping file (.json)" accept=".json,application/json" disabled={busy} onFile={(file) => void run(`Mapping the template as ${file.name} does`, async () => map(parseMapping(await file.text(), file.name)))}>
          Import mapping
        </FilePicker>
      </div>
      {mapped && (
        <>
          <div className={styles.bind}>
            <Text>{chosen ? `Chosen: ${labelOf(chosen)} (${chosenCell ?? 'no cell'})` : 'Choose a figure below to go to its cell or bind it.'}</Text>
            {host.kind === 'excel' ? (
              <div className={styles.row}>
                <Button disabled={busy || !chosen} onClick={() => void run('Reading the selected cell', async () => bind(await host.selectedCell()))}>
                  Use selected cell
                </Button>
                <Button disabled={busy} onClick={() => void run('Showing the mapped cells', async () => {
                  const cells = Object.values(mapped.draft.mapping.cells);
                  await host.showCells(cells);
                  return `Selected the mapped cells of the sheet that holds most of them (${cells.length} mapped in all). Clear shows none.`;
                })}>
                  Show mapped cells
                </Button>
                <Button disabled={busy} onClick={() => void run('Clearing', async () => (await host.showCells([]), 'The mapped cells are no longer shown.'))}>
                  Clear
                </Button>
              </div>
            ) : (
              <div className={styles.row}>
                <Field label="Cell for the chosen figure" validationMessage={typedError ?? undefined} hint={typedError ? undefined : "e.g. Outputs!C20 or 'Section B'!B5"}>
                  <Input value={typed} onChange={(_, d) => setTyped(d.value)} onKeyDown={(e) => e.key === 'Enter' && chosen && bindTyped()} />
                </Field>
                <Button disabled={busy || !chosen} onClick={bindTyped}>
                  Use this cell
                </Button>
              </div>
            )}
            <div className={styles.row}>
              <Button disabled={busy || !chosenCell} onClick={() => void run('Removing the binding', async () => (update(unbindFigure(mapped.draft, chosen!)), `${labelOf(chosen!)} has no cell now.`))}>
                Remove binding
              </Button>
              <Button appearance="primary" disabled={busy} onClick={() => void run('Saving the mapping into the workbook', async () => {
                await session.saveMapping(mapped.draft.mapping, mapped.framework);
                setSavedJson(`${JSON.stringify(mapped.draft.mapping, null, 2)}\n`);
                return `Saved the mapping of ${Object.keys(mapped.draft.mapping.cells).length} figures into ${session.name}: it now fills and checks like a return.`;
              })}>
                Save mapping
              </Button>
            </div>
          </div>
          {savedJson && <MappingExport host={host} session={session} json={savedJson} run={run} busy={busy} />}
          <Field label="Show">
            <Select value={only} onChange={(_, d) => setOnly(d.value === 'look' ? 'look' : 'all')}>
              <option value="all">All figures</option>
              <option value="look">Figures to look at (unsure or not mapped)</option>
            </Select>
          </Field>
          <MappedFigures
            sections={sections}
            only={only}
            chosen={chosen}
            onChoose={(figure, cell) => {
              setChosen(figure);
              setTyped(cell ?? '');
              setTypedError(null);
              if (cell) void run(`Going to ${cell}`, async () => (await host.showCell(session, cell), `Selected ${cell}.`));
            }}
          />
        </>
      )}
    </section>
  );
}

/** "Mapped 410 of 664 figures (380 sure, 30 unsure)", and the moves of last period's bindings. */
function coverage(proposal: TemplateMapping, framework: Framework): string {
  const sure = proposal.bindings.filter((b) => b.confidence === 'sure').length;
  const moved = proposal.moves.length ? ` ${proposal.moves.length} of last period's bindings moved with their labels.` : '';
  return `Mapped ${proposal.bindings.length} of ${figuresOf(framework).length} figures (${sure} sure, ${proposal.bindings.length - sure} unsure).${moved} Check the unsure ones, bind what is missing, then save the mapping.`;
}
