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
