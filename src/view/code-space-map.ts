/** Geometry helpers for the code-space pictures: consecutive used codes merged into runs. */

/** Sorted code values merged into `[start, length]` runs, so 10,000 codes draw as a few shapes. */
export function usedRuns(values: readonly number[]): Array<[number, number]> {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const value of sorted) {
    const last = runs[runs.length - 1];
    if (last && value <= last[0] + last[1]) last[1] = Math.max(last[1], value - last[0] + 1);
    else runs.push([value, 1]);
  }
  return runs;
}

/** A number with at most two decimals, as short as it can be written ("12", "12.5", "0.33"). */
function short(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * The runs as one SVG path of rectangles, `M x y h w v height h -w z` each, instead of one `<rect>`
 * element per run: the ranges page of a catalog with thousands of codes draws thousands of runs,
 * and a path holds each in about a fifth of the bytes. A run is drawn from `origin + (start - from)
 * × scale`, at least `minWidth` wide; runs that the minimum width makes touch are drawn as one.
 */
export function runsPath(
  runs: ReadonlyArray<readonly [number, number]>,
  geometry: { from: number; origin?: number; scale?: number; minWidth?: number; y: number; height: number },
): string {
  const { from, origin = 0, scale = 1, minWidth = 0, y, height } = geometry;
  const shapes: Array<[number, number]> = [];
  for (const [start, length] of runs) {
    const left = origin + (start - from) * scale;
    const right = left + Math.max(length * scale, minWidth);
    const last = shapes[shapes.length - 1];
    if (last && left <= last[1]) last[1] = Math.max(last[1], right);
    else shapes.push([left, right]);
  }
  return shapes
    .map(([left, right]) => {
      const width = short(right - left);
      return `M${short(left)} ${short(y)}h${width}v${short(height)}h-${width}z`;
    })
    .join('');
}
