// `npm run lighthouse` (run by tsx, to share the .ts helpers): Lighthouse on the built site, served by
// `vite preview`, on every route in both presets: mobile (Lighthouse's default: a mid-range phone, 4×
// CPU slowdown, slow 4G, simulated) and desktop. Not part of `npm test`: performance scores are timings,
// and on a shared, busy machine they move from run to run. Each page is measured RUNS times per preset
// and the median of each figure is reported.
//
// Expects a build: dist/ or $WS101_DIST (`npx vite build` first). Writes test-results/lighthouse.json.
// Exits 1 when the median performance or accessibility score of any page is below MIN_SCORE.
// LH_PAGES=home,playground and LH_PRESETS=mobile narrow a run while working on one page; LH_RUNS=1 for a quick look.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, NO_CHROMIUM_HINT, chromiumPath } from './chromium.ts';
import { ROOT, distDir, previewDist } from './preview.ts';

const RUNS = Number(process.env.LH_RUNS ?? 3);
const MIN_SCORE = 95;
const GATED = ['performance', 'accessibility'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const ALL_PAGES = [
  { name: 'home', hash: '#/', ready: '[data-testid="home"]' },
  { name: 'lessons', hash: '#/lessons', ready: '[data-testid="lessons"]' },
  { name: 'lesson', hash: '#/lessons/opening-handshake', ready: '[data-testid="lesson"]' },
  { name: 'frame', hash: '#/frame', ready: '[data-testid="hex-input"]' },
  { name: 'compare', hash: '#/compare', ready: '[data-testid="compare"]' },
  { name: 'playground', hash: '#/playground', ready: '[data-testid="playground"]' },
];
const PRESETS = { mobile: undefined, desktop: desktopConfig }; // undefined: Lighthouse's default config is mobile
const pick = (all, env, key) => (env ? all.filter((x) => env.split(',').includes(key(x))) : all);
const PAGES = pick(ALL_PAGES, process.env.LH_PAGES, (p) => p.name);
const PRESET_NAMES = pick(Object.keys(PRESETS), process.env.LH_PRESETS, (n) => n);

const outDir = distDir();
if (!existsSync(`${outDir}/index.html`)) {
  console.error(`${outDir} has no index.html: run \`npx vite build\` first (or set WS101_DIST).`);
  process.exit(2);
}
const chromePath = chromiumPath();
if (!chromePath) {
  console.error(NO_CHROMIUM_HINT);
  process.exit(2);
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The figures of one run, from its Lighthouse result. */
function figures(lhr) {
  const num = (id) => lhr.audits[id]?.numericValue ?? null;
  const scripts = lhr.audits['resource-summary']?.details?.items?.find((i) => i.resourceType === 'script');
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100),
    ]),
  );
  return {
    scores,
    fcpMs: num('first-contentful-paint'),
    lcpMs: num('largest-contentful-paint'),
    tbtMs: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    jsTransferBytes: scripts?.transferSize ?? null,
    jsRequests: scripts?.requestCount ?? null,
  };
}

/** Audits of a category that did not pass, with up to three offending elements each. */
function failing(lhr, category) {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .filter((r) => r.weight > 0)
    .map((r) => lhr.audits[r.id])
    .filter((a) => a && a.score !== null && a.score < 1)
    .map((a) => ({
      id: a.id,
      title: a.title,
      score: a.score,
      nodes: (a.details?.items ?? [])
        .slice(0, 3)
        .map((i) => i.node?.selector ?? i.node?.snippet)
        .filter(Boolean),
    }));
}

const { server, baseUrl } = await previewDist(outDir);
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });
const report = { date: new Date().toISOString(), dist: outDir, runs: RUNS, minScore: MIN_SCORE, pages: [] };
let failed = false;

try {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  for (const [preset, p] of PRESET_NAMES.flatMap((n) => PAGES.map((pg) => [n, pg]))) {
    const url = baseUrl + p.hash;
    const runs = [];
    const notPassing = new Map();
    const shifts = new Map();
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      const result = await lighthouse(
        url,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
        PRESETS[preset],
        page,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      // Hash routes: Lighthouse loads the URL with its hash; make sure the route, not a fallback, rendered.
      const rendered = (await page.$(p.ready)) !== null;
      if (!rendered || !lhr.finalDisplayedUrl.endsWith(p.hash)) {
        throw new Error(
          `${url}: the route did not render (${lhr.finalDisplayedUrl}, ${p.ready} found: ${rendered})`,
        );
      }
      runs.push(figures(lhr));
      for (const c of ['accessibility', 'best-practices', 'seo']) {
        for (const f of failing(lhr, c)) notPassing.set(`${c} ${f.id}`, { category: c, ...f });
      }
      // CLS is the one performance figure that names its culprits: which elements moved.
      for (const item of lhr.audits['layout-shifts']?.details?.items ?? []) {
        if (item.score >= 0.05)
          shifts.set(
            item.node?.selector ?? '?',
            Math.max(item.score, shifts.get(item.node?.selector ?? '?') ?? 0),
          );
      }
      await page.close();
      process.stdout.write(
        `${preset} ${p.name} run ${i + 1}/${RUNS}: ${JSON.stringify(runs.at(-1).scores)} LCP ${Math.round(runs.at(-1).lcpMs)} ms TBT ${Math.round(runs.at(-1).tbtMs)} ms\n`,
      );
    }
    const med = {
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])),
      ...Object.fromEntries(
        ['fcpMs', 'lcpMs', 'tbtMs', 'cls', 'jsTransferBytes', 'jsRequests'].map((k) => [
          k,
          median(runs.map((r) => r[k])),
        ]),
      ),
    };
    const below = GATED.filter((c) => (med.scores[c] ?? 0) < MIN_SCORE);
    if (below.length) failed = true;
    report.pages.push({
      preset,
      ...p,
      url,
      median: med,
      runs,
      below,
      notPassing: [...notPassing.values()],
      layoutShifts: [...shifts].map(([selector, score]) => ({ selector, score })),
    });
  }
  await browser.disconnect();
} finally {
  chrome.kill();
  await server.close();
}

const row = (cells) =>
  cells
    .map((c, i) =>
      String(c)
        .padStart(i < 2 ? 0 : 10)
        .padEnd(i < 2 ? 11 : 0),
    )
    .join(' ');
const fmtMs = (v) => (v == null ? '–' : `${Math.round(v)} ms`);
console.log(`\nLighthouse ${RUNS}× per page and preset, medians (${baseUrl}):`);
console.log(
  row(['preset', 'page', 'perf', 'a11y', 'best-pr.', 'seo', 'FCP', 'LCP', 'TBT', 'CLS', 'JS transfer']),
);
for (const p of report.pages) {
  const m = p.median;
  console.log(
    row([
      p.preset,
      p.name,
      m.scores.performance,
      m.scores.accessibility,
      m.scores['best-practices'],
      m.scores.seo,
      fmtMs(m.fcpMs),
      fmtMs(m.lcpMs),
      fmtMs(m.tbtMs),
      m.cls == null ? '–' : m.cls.toFixed(3),
      m.jsTransferBytes == null ? '–' : `${(m.jsTransferBytes / 1000).toFixed(1)} KB`,
    ]),
  );
}
for (const p of report.pages) {
  for (const a of p.notPassing) {
    console.log(
      `  ${p.preset} ${p.name}: ${a.category} audit "${a.id}" does not pass (${a.title}) ${a.nodes.join(' | ')}`,
    );
  }
  for (const s of p.layoutShifts) {
    console.log(`  ${p.preset} ${p.name}: layout shift ${s.score.toFixed(3)} moving ${s.selector}`);
  }
}
mkdirSync(`${ROOT}test-results`, { recursive: true });
writeFileSync(`${ROOT}test-results/lighthouse.json`, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwrote test-results/lighthouse.json`);
if (failed) {
  for (const p of report.pages) {
    if (p.below.length) console.error(`✖ ${p.preset} ${p.name}: ${p.below.join(', ')} below ${MIN_SCORE}`);
  }
  process.exit(1);
}
console.log(`✔ performance and accessibility ≥ ${MIN_SCORE} on every page`);
