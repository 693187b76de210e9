import { describe, expect, it } from 'vitest';
import { chartColour, fundColour } from './chart-colours.ts';

describe('chart colours', () => {
  it('gives each fund its own colour, the same wherever it is charted', () => {
    const funds = ['funds:visuals', 'funds:book_editing', 'funds:general'];
    const colours = funds.map(fundColour);
    expect(new Set(colours).size).toBe(funds.length);
    expect(fundColour('funds:visuals')).toBe(chartColour('funds:visuals'));
    expect(fundColour('funds:book_editing')).toBe(chartColour('funds:book_editing'));
  });

  it('never lends a fund colour to a figure that is not a fund', () => {
    const fundColours = new Set(['funds:visuals', 'funds:book_editing', 'funds:general'].map(fundColour));
    for (const other of ['income', 'logistics', 'royalties'] as const) expect(fundColours.has(chartColour(other))).toBe(false);
  });
});
