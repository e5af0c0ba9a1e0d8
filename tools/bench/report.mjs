/**
 * The benchmark's verdicts and its printed tables. The targets come from the scale issue: at
 * 5,000 codes at most 10 ms a page; at most 1.3× the bare Astro baseline; 10,000 codes in at
 * most 2.1× the 5,000-code time; a code page at most 15 KB gzip and readable without JS; and the
 * lookup issue's targets at 5,000 codes.
 */

export const TARGETS = {
  msPerPageAt5000: 10,
  baselineRatio: 1.3,
  growth10000over5000: 2.1,
  codePageGzipBytes: 15 * 1024,
  lookupMedianMs: { code: 1, json: 5, message: 10 },
  lookupFirstAnswerGzipBytes: 30 * 1024,
};

const verdict = (value, limit, unit = '') =>
  value === undefined || value === null || Number.isNaN(value)
    ? { pass: null, value: null, limit, note: 'not measured' }
    : { pass: value <= limit, value: Number(value.toFixed(3)), limit, unit };

/**
 * Pass, miss or not measured for every target, from the rows of one run. Build-time targets are
 * judged twice: on wall time (what the issue means, on an otherwise idle machine) and on CPU time
 * (user + system of the build processes), which a machine shared with other jobs inflates far less.
 */
export function evaluateTargets(rows) {
  const at = (n) => rows.find((row) => row.codes === n);
  const row5k = at(5000);
  const row10k = at(10000);
  const timeTargets = (clock) => {
    const total = clock === 'wall' ? 'totalMs' : 'totalCpuMs';
    const perPage = clock === 'wall' ? 'msPerPage' : 'cpuMsPerPage';
    const ratio = clock === 'wall' ? 'ratio' : 'cpuRatio';
    return {
      msPerPageAt5000: verdict(row5k?.site[perPage], TARGETS.msPerPageAt5000, 'ms'),
      baselineRatio: Object.fromEntries(
        rows.map((row) => [row.codes, verdict(row[ratio], TARGETS.baselineRatio, '×')]),
      ),
      growth10000over5000: verdict(
        row5k && row10k ? row10k.site[total] / row5k.site[total] : undefined,
        TARGETS.growth10000over5000,
        '×',
      ),
    };
  };
  const targets = {
    wall: timeTargets('wall'),
    cpu: timeTargets('cpu'),
    codePage: Object.fromEntries(
      rows.map((row) => [
        row.codes,
        {
          ...verdict(row.codePage.max?.total, TARGETS.codePageGzipBytes, 'B'),
          readableWithoutJs: row.codePage.readableWithoutJs,
        },
      ]),
    ),
  };
  const lookup = row5k?.lookup;
  if (lookup?.medians) {
    targets.lookupAt5000 = Object.fromEntries(
      Object.entries(TARGETS.lookupMedianMs).map(([kind, limit]) => [kind, verdict(lookup.medians[kind], limit, 'ms')]),
    );
    targets.lookupAt5000.firstAnswerBytes = verdict(
      lookup.firstAnswerGzipBytes,
      TARGETS.lookupFirstAnswerGzipBytes,
      'B',
    );
  } else {
    targets.lookupAt5000 = { pass: null, note: row5k ? (lookup?.unavailable ?? 'not measured') : 'no 5,000-code run' };
  }
  return targets;
}

const seconds = (ms) => (ms === undefined ? '—' : (ms / 1000).toFixed(1));
const kb = (bytes) => (bytes === undefined || bytes === null ? '—' : (bytes / 1024).toFixed(1));
const mb = (bytes) => (bytes === undefined || bytes === null ? '—' : (bytes / 1024 / 1024).toFixed(1));
const fixed = (value, digits = 2) => (value === undefined || value === null ? '—' : value.toFixed(digits));

function table(headers, rows) {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padStart(widths[i])).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const mark = (check) => (check?.pass === true ? 'pass' : check?.pass === false ? 'MISS' : '—');

/** Prints the run as three tables (build, sizes, lookup) and the target verdicts. */
export function printReport(results) {
  const { rows, targets, machine } = results;
  console.log(
    `\nBenchmark ${results.date} · commit ${results.commit ?? '?'} · ${machine.cpus} CPUs · node ${machine.node} · load ${machine.loadAverage.map((l) => l.toFixed(1)).join(' ')}\n`,
  );
  console.log('Build, wall clock (seconds; ms/page = astro + pagefind over every HTML page)');
  console.log(
    table(
      [
        'codes',
        'pages',
        'astro',
        'pagefind',
        'total',
        'ms/page',
        'base pages',
        'base astro',
        'base pagefind',
        'base total',
        'base ms/page',
        'ratio',
        'astro ratio',
        'load',
      ],
      rows.map((row) => [
        row.codes,
        row.site.pages,
        seconds(row.site.astroMs),
        seconds(row.site.pagefindMs),
        seconds(row.site.totalMs),
        fixed(row.site.msPerPage),
        row.baseline?.pages ?? '—',
        seconds(row.baseline?.astroMs),
        seconds(row.baseline?.pagefindMs),
        seconds(row.baseline?.totalMs),
        fixed(row.baseline?.msPerPage),
        fixed(row.ratio),
        fixed(row.astroRatio),
        `${fixed(row.loadAverageBefore, 1)}→${fixed(row.loadAverageAfter, 1)}`,
      ]),
    ),
  );
  console.log(
    '\nBuild, CPU time of the build processes (user + system seconds; steadier than wall time on a shared machine)',
  );
  console.log(
    table(
      [
        'codes',
        'astro',
        'pagefind',
        'total',
        'ms/page',
        'base astro',
        'base pagefind',
        'base total',
        'base ms/page',
        'ratio',
        'astro ratio',
      ],
      rows.map((row) => [
        row.codes,
        seconds(row.site.astroCpuMs),
        seconds(row.site.pagefindCpuMs),
        seconds(row.site.totalCpuMs),
        fixed(row.site.cpuMsPerPage),
        seconds(row.baseline?.astroCpuMs),
        seconds(row.baseline?.pagefindCpuMs),
        seconds(row.baseline?.totalCpuMs),
        fixed(row.baseline?.cpuMsPerPage),
        fixed(row.cpuRatio),
        fixed(row.astroCpuRatio),
      ]),
    ),
  );
  console.log(
    '\nSizes (dist and lookup index raw / gzip; code page = HTML + CSS + JS it loads, gzip KB, median and largest of a sample)',
  );
  console.log(
    table(
      [
        'codes',
        'dist MB',
        'dist gz MB',
        'pagefind MB',
        'lookup KB',
        'lookup gz KB',
        'largest lookup file gz KB',
        'page KB (html+css+js)',
        'largest page KB',
        'no-JS readable',
      ],
      rows.map((row) => [
        row.codes,
        mb(row.sizes.site.raw),
        mb(row.sizes.site.gzip),
        mb(row.sizes.pagefind.raw),
        kb(row.sizes.lookupIndex?.raw),
        kb(row.sizes.lookupIndex?.gzip),
        kb(row.sizes.lookupIndex?.largestFile?.gzip),
        row.codePage.median
          ? `${kb(row.codePage.median.total)} (${kb(row.codePage.median.html)}+${kb(row.codePage.median.css)}+${kb(row.codePage.median.js)})`
          : '—',
        kb(row.codePage.max?.total),
        row.codePage.readableWithoutJs ? 'yes' : 'NO',
      ]),
    ),
  );
  const kinds = [...new Set(rows.flatMap((row) => Object.keys(row.lookup?.medians ?? {})))];
  if (kinds.length) {
    console.log(
      '\nLookup in Chromium (median ms per query, by input kind; first answer = gzip bytes fetched before it)',
    );
    console.log(
      table(
        ['codes', ...kinds, 'first answer KB'],
        rows.map((row) => [
          row.codes,
          ...kinds.map((kind) => fixed(row.lookup?.medians?.[kind], 3)),
          kb(row.lookup?.firstAnswerGzipBytes),
        ]),
      ),
    );
  } else {
    const reasons = [...new Set(rows.map((row) => row.lookup?.unavailable).filter(Boolean))];
    console.log(`\nLookup in Chromium: not measured${reasons.length ? ` (${reasons.join('; ')})` : ''}`);
  }
  console.log('\nTargets (build targets judged on wall time / on CPU time)');
  const both = (wall, cpu, unit) => `${mark(wall)} / ${mark(cpu)} (${wall.value ?? '—'} / ${cpu.value ?? '—'} ${unit})`;
  console.log(
    `  ≤ ${TARGETS.msPerPageAt5000} ms/page at 5,000 codes: ${both(targets.wall.msPerPageAt5000, targets.cpu.msPerPageAt5000, 'ms')}`,
  );
  for (const n of Object.keys(targets.wall.baselineRatio))
    console.log(
      `  ≤ ${TARGETS.baselineRatio}× the bare baseline at ${n}: ${both(targets.wall.baselineRatio[n], targets.cpu.baselineRatio[n], '×')}`,
    );
  console.log(
    `  10,000 codes ≤ ${TARGETS.growth10000over5000}× the 5,000-code time: ${both(targets.wall.growth10000over5000, targets.cpu.growth10000over5000, '×')}`,
  );
  for (const [n, check] of Object.entries(targets.codePage))
    console.log(
      `  code page ≤ 15 KB gzip, no JS needed, at ${n}: ${check.readableWithoutJs ? mark(check) : 'MISS'} (${kb(check.value)} KB; readable without JS: ${check.readableWithoutJs ? 'yes' : 'no'})`,
    );
  if (targets.lookupAt5000.note) console.log(`  lookup at 5,000: — (${targets.lookupAt5000.note})`);
  else
    for (const [kind, check] of Object.entries(targets.lookupAt5000))
      console.log(`  lookup ${kind} at 5,000 ≤ ${check.limit}${check.unit}: ${mark(check)} (${check.value ?? '—'})`);
}
