/**
 * The benchmark's verdicts and its printed tables. The targets come from the scale and build
 * issues: at 5,000 codes at most 10 ms a page; the full build (search included) at most 1.3× the
 * bare Astro baseline in time and in peak memory; at least 3× faster than the Starlight peer at
 * 3,000 codes; 10,000 codes in at most 2.1× the 5,000-code time; no HTML page over 500 KB at
 * 10,000 codes; a code page at most 15 KB gzip and readable without JS; the lookup's medians at
 * 5,000 codes and at most 30 KB gzip fetched before the first answer of every input kind at
 * 5,000 and 10,000 codes.
 */

export const TARGETS = {
  msPerPageAt5000: 10,
  baselineRatio: 1.3,
  memoryRatio: 1.3,
  starlightSpeedupAt3000: 3,
  growth10000over5000: 2.1,
  largestPageBytesAt10000: 500 * 1024,
  codePageGzipBytes: 15 * 1024,
  lookupMedianMs: { code: 1, json: 5, message: 10 },
  lookupFirstAnswerGzipBytes: 30 * 1024,
};

const isMissing = (value) => value === undefined || value === null || Number.isNaN(value);
const verdict = (value, limit, unit = '') =>
  isMissing(value)
    ? { pass: null, value: null, limit, note: 'not measured' }
    : { pass: value <= limit, value: Number(value.toFixed(3)), limit, unit };
const atLeast = (value, limit, unit = '') =>
  isMissing(value)
    ? { pass: null, value: null, limit, note: 'not measured' }
    : { pass: value >= limit, value: Number(value.toFixed(3)), limit, unit };

/**
 * Pass, miss or not measured for every target, from the rows of one run. Build-time targets are
 * judged twice: on wall time (what the issues mean, on an otherwise idle machine) and on CPU time
 * (user + system of the build's process tree), which a machine shared with other jobs inflates far less.
 */
export function evaluateTargets(rows) {
  const at = (n) => rows.find((row) => row.codes === n);
  const row5k = at(5000);
  const row10k = at(10000);
  const timeTargets = (clock) => {
    const total = clock === 'wall' ? 'totalMs' : 'totalCpuMs';
    const perPage = clock === 'wall' ? 'msPerPage' : 'cpuMsPerPage';
    const ratio = clock === 'wall' ? 'ratio' : 'cpuRatio';
    const speedup = clock === 'wall' ? 'starlightSpeedup' : 'starlightCpuSpeedup';
    return {
      msPerPageAt5000: verdict(row5k?.site[perPage], TARGETS.msPerPageAt5000, 'ms'),
      baselineRatio: Object.fromEntries(
        rows.map((row) => [row.codes, verdict(row[ratio], TARGETS.baselineRatio, '×')]),
      ),
      starlightSpeedupAt3000: atLeast(at(3000)?.[speedup], TARGETS.starlightSpeedupAt3000, '×'),
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
    memoryRatio: Object.fromEntries(rows.map((row) => [row.codes, verdict(row.memoryRatio, TARGETS.memoryRatio, '×')])),
    largestPageAt10000: verdict(row10k?.largestPages?.[0]?.bytes, TARGETS.largestPageBytesAt10000, 'B'),
    codePage: Object.fromEntries(
      rows.map((row) => [
        row.codes,
        {
          ...verdict(row.codePage.max?.total, TARGETS.codePageGzipBytes, 'B'),
          readableWithoutJs: row.codePage.readableWithoutJs,
        },
      ]),
    ),
    firstAnswer: Object.fromEntries(
      [row5k, row10k]
        .filter((row) => row?.lookup?.firstAnswerGzipBytes !== undefined)
        .map((row) => [row.codes, verdict(row.lookup.firstAnswerGzipBytes, TARGETS.lookupFirstAnswerGzipBytes, 'B')]),
    ),
  };
  const lookup = row5k?.lookup;
  if (lookup?.medians) {
    targets.lookupAt5000 = Object.fromEntries(
      Object.entries(TARGETS.lookupMedianMs).map(([kind, limit]) => [kind, verdict(lookup.medians[kind], limit, 'ms')]),
    );
  } else {
    targets.lookupAt5000 = { pass: null, note: row5k ? (lookup?.unavailable ?? 'not measured') : 'no 5,000-code run' };
  }
  return targets;
}

const seconds = (ms) => (isMissing(ms) ? '—' : (ms / 1000).toFixed(1));
const kb = (bytes) => (isMissing(bytes) ? '—' : (bytes / 1024).toFixed(1));
const mb = (bytes) => (isMissing(bytes) ? '—' : (bytes / 1024 / 1024).toFixed(1));
const fixed = (value, digits = 2) => (isMissing(value) ? '—' : value.toFixed(digits));

function table(headers, rows) {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padStart(widths[i])).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const mark = (check) => (check?.pass === true ? 'pass' : check?.pass === false ? 'MISS' : '—');

const PHASES = [
  ['setupMs', 'setup'],
  ['syncMs', 'sync'],
  ['bundleMs', 'bundle'],
  ['renderMs', 'render'],
  ['afterBuildMs', 'search+'],
];

/** Prints the run as tables (build, phases, memory, sizes, lookup) and the target verdicts. */
export function printReport(results) {
  const { rows, targets, machine } = results;
  console.log(
    `\nBenchmark ${results.date} · commit ${results.commit ?? '?'} · ${machine.cpus} CPUs · node ${machine.node} · load ${machine.loadAverage.map((l) => l.toFixed(1)).join(' ')}${results.options?.withoutOperations ? ' · catalog without its operations' : ''}\n`,
  );
  console.log(
    'Full build (`astro build`, search index included): wall seconds, CPU seconds of the process tree, ratios to the site',
  );
  console.log(
    table(
      [
        'codes',
        'pages',
        'site s',
        'ms/page',
        'base s',
        'site/base',
        'starlight s',
        'starlight/site',
        'site cpu',
        'base cpu',
        'cpu site/base',
        'starlight cpu',
        'cpu starlight/site',
        'load',
      ],
      rows.map((row) => [
        row.codes,
        row.site.pages,
        seconds(row.site.totalMs),
        fixed(row.site.msPerPage),
        seconds(row.baseline?.totalMs),
        fixed(row.ratio),
        seconds(row.starlight?.totalMs),
        fixed(row.starlightSpeedup),
        seconds(row.site.totalCpuMs),
        seconds(row.baseline?.totalCpuMs),
        fixed(row.cpuRatio),
        seconds(row.starlight?.totalCpuMs),
        fixed(row.starlightCpuSpeedup),
        `${fixed(row.loadAverageBefore, 1)}→${fixed(row.loadAverageAfter, 1)}`,
      ]),
    ),
  );
  console.log(
    '\nWhere the wall seconds go (Astro hooks): setup = config and integrations (the site checks its catalog), sync = content and types, bundle = Vite server and client builds, render = every page, search+ = astro:build:done (sitemap, Pagefind)',
  );
  const phaseRows = rows.flatMap((row) =>
    [
      ['site', row.site],
      ['baseline', row.baseline],
      ['starlight', row.starlight],
    ]
      .filter(([, build]) => build?.phases)
      .map(([name, build]) => [
        row.codes,
        name,
        ...PHASES.map(([key]) => seconds(build.phases[key])),
        seconds(build.totalMs),
      ]),
  );
  console.log(table(['codes', 'build', ...PHASES.map(([, label]) => label), 'total'], phaseRows));
  console.log('\nPeak memory (summed resident set size of the build process tree, MB)');
  console.log(
    table(
      ['codes', 'site MB', 'base MB', 'site/base', 'starlight MB'],
      rows.map((row) => [
        row.codes,
        mb(row.site.peakRssBytes),
        mb(row.baseline?.peakRssBytes),
        fixed(row.memoryRatio),
        mb(row.starlight?.peakRssBytes),
      ]),
    ),
  );
  console.log(
    '\nSizes (dist and lookup index raw / gzip; code page = HTML + CSS + JS it loads, gzip KB, median and largest of a sample; largest page = raw HTML)',
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
        'page KB (html+css+js)',
        'largest code page KB',
        'no-JS readable',
        'largest page KB',
        'largest page',
      ],
      rows.map((row) => [
        row.codes,
        mb(row.sizes.site.raw),
        mb(row.sizes.site.gzip),
        mb(row.sizes.pagefind.raw),
        kb(row.sizes.lookupIndex?.raw),
        kb(row.sizes.lookupIndex?.gzip),
        row.codePage.median
          ? `${kb(row.codePage.median.total)} (${kb(row.codePage.median.html)}+${kb(row.codePage.median.css)}+${kb(row.codePage.median.js)})`
          : '—',
        kb(row.codePage.max?.total),
        row.codePage.readableWithoutJs ? 'yes' : 'NO',
        kb(row.largestPages?.[0]?.bytes),
        row.largestPages?.[0]?.file ?? '—',
      ]),
    ),
  );
  const kinds = [...new Set(rows.flatMap((row) => Object.keys(row.lookup?.medians ?? {})))];
  if (kinds.length) {
    console.log('\nLookup in Chromium: median ms per query, by input kind');
    console.log(
      table(
        ['codes', ...kinds],
        rows.map((row) => [row.codes, ...kinds.map((kind) => fixed(row.lookup?.medians?.[kind], 3))]),
      ),
    );
    console.log('\nLookup: gzip KB of index fetched before the first answer, by input kind (engine chunk apart)');
    console.log(
      table(
        ['codes', ...kinds, 'largest'],
        rows.map((row) => [
          row.codes,
          ...kinds.map((kind) => kb(row.lookup?.firstAnswerGzipBytesByKind?.[kind])),
          kb(row.lookup?.firstAnswerGzipBytes),
        ]),
      ),
    );
  } else {
    const reasons = [...new Set(rows.map((row) => row.lookup?.unavailable).filter(Boolean))];
    console.log(`\nLookup in Chromium: not measured${reasons.length ? ` (${reasons.join('; ')})` : ''}`);
  }
  console.log('\nTargets (build-time targets judged on wall time / on CPU time)');
  const both = (wall, cpu, unit) => `${mark(wall)} / ${mark(cpu)} (${wall.value ?? '—'} / ${cpu.value ?? '—'} ${unit})`;
  console.log(
    `  ≤ ${TARGETS.msPerPageAt5000} ms/page at 5,000 codes: ${both(targets.wall.msPerPageAt5000, targets.cpu.msPerPageAt5000, 'ms')}`,
  );
  for (const n of Object.keys(targets.wall.baselineRatio))
    console.log(
      `  full build ≤ ${TARGETS.baselineRatio}× the bare baseline at ${n}: ${both(targets.wall.baselineRatio[n], targets.cpu.baselineRatio[n], '×')}`,
    );
  console.log(
    `  ≥ ${TARGETS.starlightSpeedupAt3000}× faster than Starlight at 3,000: ${both(targets.wall.starlightSpeedupAt3000, targets.cpu.starlightSpeedupAt3000, '×')}`,
  );
  for (const [n, check] of Object.entries(targets.memoryRatio))
    console.log(
      `  peak memory ≤ ${TARGETS.memoryRatio}× the bare baseline at ${n}: ${mark(check)} (${check.value ?? '—'}×)`,
    );
  console.log(
    `  10,000 codes ≤ ${TARGETS.growth10000over5000}× the 5,000-code time: ${both(targets.wall.growth10000over5000, targets.cpu.growth10000over5000, '×')}`,
  );
  console.log(
    `  no page over 500 KB at 10,000 codes: ${mark(targets.largestPageAt10000)} (${kb(targets.largestPageAt10000.value)} KB)`,
  );
  for (const [n, check] of Object.entries(targets.codePage))
    console.log(
      `  code page ≤ 15 KB gzip, no JS needed, at ${n}: ${check.readableWithoutJs ? mark(check) : 'MISS'} (${kb(check.value)} KB; readable without JS: ${check.readableWithoutJs ? 'yes' : 'no'})`,
    );
  for (const [n, check] of Object.entries(targets.firstAnswer))
    console.log(
      `  ≤ 30 KB gzip before the first answer, every input kind, at ${n}: ${mark(check)} (${kb(check.value)} KB)`,
    );
  if (targets.lookupAt5000.note) console.log(`  lookup at 5,000: — (${targets.lookupAt5000.note})`);
  else
    for (const [kind, check] of Object.entries(targets.lookupAt5000))
      console.log(`  lookup ${kind} at 5,000 ≤ ${check.limit}${check.unit}: ${mark(check)} (${check.value ?? '—'})`);
}
