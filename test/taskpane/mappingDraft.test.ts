import { builtInFramework } from '../../src/frameworks/load';
import { bindFigure, sectionsOf, typedCell, unbindFigure, type MappingDraft } from '../../src/taskpane/mappingDraft';

const draft: MappingDraft = {
  mapping: { framework: 'cambridgeshire', version: '1', cells: { 'referrals.total': 'Outputs!C20', 'referrals.by_source.police': 'Outputs!C21' }, anchors: { 'referrals.total': { label: 'Total referrals' } } },
  marks: { 'referrals.total': 'sure', 'referrals.by_source.police': 'unsure' },
  considered: {},
};

describe('correcting a mapping in the pane', () => {
  it('writes a typed cell as Excel does, and refuses what is not a cell of a sheet', () => {
    expect(typedCell(' section a!d13 ')).toBe("'section a'!D13");
    expect(typedCell('Outputs!$C$20')).toBe('Outputs!C20');
    expect(typedCell('C20')).toBeNull();
    expect(typedCell('Outputs!C0')).toBeNull();
  });

  it('binds by hand, taking the cell from the figure that held it and dropping the anchor of a label it did not read', () => {
    const { draft: bound, displaced } = bindFigure(draft, 'referrals.total', 'Outputs!C21');
    expect(displaced).toBe('referrals.by_source.police');
    expect(bound.mapping.cells).toEqual({ 'referrals.total': 'Outputs!C21' });
    expect(bound.mapping.anchors).toEqual({});
    expect(bound.marks).toEqual({ 'referrals.total': 'by hand' });
    expect(bindFigure(draft, 'referrals.total', 'Outputs!C20').displaced).toBeNull();
  });

  it('unbinds a figure', () => {
    const unbound = unbindFigure(draft, 'referrals.by_source.police');
    expect(unbound.mapping.cells).toEqual({ 'referrals.total': 'Outputs!C20' });
    expect(unbound.marks).toEqual({ 'referrals.total': 'sure' });
  });

  it("lists each section's figures with their cells and marks, the cells considered for an unmapped one, and counts", () => {
    const sections = sectionsOf(builtInFramework('cambridgeshire'), { ...draft, considered: { 'referrals.by_source.self': ['Outputs!C30', 'Outputs!C31'] } });
    const referrals = sections.find((s) => s.id === 'referrals')!;
    expect(referrals.counts).toEqual({ sure: 1, unsure: 1, 'by hand': 0, 'not mapped': referrals.figures.length - 2 });
    expect(referrals.figures.find((f) => f.id === 'referrals.total')).toMatchObject({ cell: 'Outputs!C20', mark: 'sure', considered: [] });
    expect(referrals.figures.find((f) => f.id === 'referrals.by_source.self')).toMatchObject({ cell: null, mark: 'not mapped', considered: ['Outputs!C30', 'Outputs!C31'] });
    expect(sections.map((s) => s.id)).not.toContain('narrative');
  });
});
