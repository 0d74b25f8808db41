/**
 * Colours for chart series: the Okabe–Ito palette (told apart with the common colour-vision
 * differences), its yellow darkened for white paper, then four more for the rare tenth method.
 */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#9A8A00',
  '#4D4D4D',
  '#8C564B',
  '#7B5EA7',
];

export const colourAt = (i: number) => PALETTE[i % PALETTE.length]!;

/** Axis and label text: the app's ink and size, so the SVG reads like the rest of the screen. */
export const TICK = { fill: '#1f2328', fontSize: 12 };

/**
 * Legend items in the order of `keys` (the series order, as in the tables) — recharts would
 * sort them by name otherwise.
 */
export function legendOrder(keys: string[]) {
  return (item: { dataKey?: unknown }) => keys.indexOf(String(item.dataKey));
}
