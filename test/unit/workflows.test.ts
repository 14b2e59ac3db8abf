import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The GitHub workflows cannot run here; this reads them as YAML (js-yaml, the YAML 1.2 core
 * schema GitHub's parser follows closely enough for these files) and checks what they promise:
 * triggers, the OS matrix, the steps and their order, scripts that exist and pinned actions.
 */
const root = resolve(import.meta.dirname, '../..');
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on'?: string;
  uses?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  strategy?: { matrix: { os?: string[]; include?: Record<string, string>[] } };
  steps?: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const read = (file: string): Workflow => load(readFileSync(join(root, '.github/workflows', file), 'utf8')) as Workflow;
const ci = read('ci.yml');
const release = read('release.yml');

/** Every matrix row of a job (a job without a matrix is one row). */
function matrixRows(job: Job): Record<string, string>[] {
  const m = job.strategy?.matrix;
  if (!m) return [{}];
  if (m.include && !m.os) return m.include;
  return (m.os ?? []).map((os) => ({ os }));
}

/** `npm run <script>` in every run step, with ${{ matrix.x }} filled in for every row. */
function npmRuns(wf: Workflow): { job: string; script: string }[] {
  const found: { job: string; script: string }[] = [];
  for (const [name, job] of Object.entries(wf.jobs)) {
    for (const row of matrixRows(job)) {
      for (const step of job.steps ?? []) {
        const text = [step.run, step.name].filter(Boolean).join('\n').replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_, k: string) => row[k] ?? `<no matrix.${k}>`);
        for (const m of text.matchAll(/npm run ([^\s;&|]+)/g)) {
          if (!found.some((f) => f.job === name && f.script === m[1])) found.push({ job: name, script: m[1]! });
        }
      }
    }
  }
  return found;
}

function scriptProblems(wf: Workflow): string[] {
  return npmRuns(wf)
    .filter(({ script }) => !(script in scripts))
    .map(({ job, script }) => `${job}: npm run ${script} is not a script in package.json`);
}

/** An action is pinned to an exact version (v1.2.3) or a full commit; local workflows are ours. */
function pinProblems(wf: Workflow): string[] {
  const uses = Object.values(wf.jobs).flatMap((job) => [job.uses, ...(job.steps ?? []).map((s) => s.uses)]).filter((u): u is string => !!u);
  return uses.filter((u) => !u.startsWith('./') && !/^[\w.-]+\/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/.test(u)).map((u) => `${u} is not pinned to a version`);
}

const stepIndex = (job: Job, test: (s: Step) => boolean, what: string): number => {
  const i = (job.steps ?? []).findIndex(test);
  if (i < 0) throw new Error(`no step that ${what}`);
  return i;
};
const runs = (pattern: RegExp) => (s: Step) => !!s.run && pattern.test(s.run);

describe('ci.yml', () => {
  const job = ci.jobs.test!;

  it('runs on every push and pull request, and can be called by the release', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('tests on Ubuntu, Windows and macOS', () => {
    const oses = job.strategy!.matrix.os!;
    expect(oses.map((os) => os.split('-')[0]).sort()).toEqual(['macos', 'ubuntu', 'windows']);
    expect(job['runs-on']).toBe('${{ matrix.os }}');
  });

  it('checks out, sets up Node with the npm cache, installs with npm ci, then tests and smoke-tests in that order', () => {
    const setup = job.steps!.find((s) => s.uses?.startsWith('actions/setup-node@'))!;
    expect(setup.with).toMatchObject({ cache: 'npm' });
    const checkout = stepIndex(job, (s) => !!s.uses?.startsWith('actions/checkout@'), 'checks out');
    const install = stepIndex(job, runs(/^npm ci$/m), 'runs npm ci');
    const test = stepIndex(job, runs(/^npm test$/m), 'runs npm test');
    const unit = stepIndex(job, runs(/npm run test:unit/), 'runs the unit tests');
    const runtime = stepIndex(job, runs(/npm run electron:install/), 'installs Electron’s runtime');
    const smoke = stepIndex(job, runs(/npm run smoke$/m), 'runs the smoke test');
    expect(checkout).toBeLessThan(install);
    expect(install).toBeLessThan(Math.min(test, unit));
    expect(Math.max(test, unit)).toBeLessThan(runtime);
    expect(runtime).toBeLessThan(smoke);
  });

  it('runs the whole npm test on Linux and the smoke test everywhere, under Xvfb on Linux', () => {
    const steps = job.steps!;
    expect(steps.find(runs(/^npm test$/m))!.if).toBe("runner.os == 'Linux'");
    const smokes = steps.filter(runs(/npm run smoke$/m));
    expect(smokes.map((s) => s.if).sort()).toEqual(["runner.os != 'Linux'", "runner.os == 'Linux'"]);
    expect(smokes.find((s) => s.if === "runner.os == 'Linux'")!.run).toMatch(/^xvfb-run .*npm run smoke$/);
    // What npm test needs on Linux: poppler for the PDFs and a Chrome for the e2e harness.
    const system = steps.find((s) => s.name === 'System packages (Ubuntu)')!.run!;
    expect(system).toMatch(/apt-get install .*poppler-utils/);
    expect(system).toMatch(/CHROMIUM_PATH=/);
    // pdftotext for the smoke test's PDF on the other systems.
    expect(steps.filter((s) => /poppler/.test(s.run ?? '')).map((s) => s.if).sort()).toEqual([
      "runner.os == 'Linux'",
      "runner.os == 'Windows'",
      "runner.os == 'macOS'",
    ]);
  });
});

describe('release.yml', () => {
  const build = release.jobs.installers!;

  it('runs on version tags, after the same checks as every push', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.jobs.checks).toEqual({ uses: './.github/workflows/ci.yml' });
    expect(build.needs).toBe('checks');
  });

  it('builds the installers of each system on that system', () => {
    const rows = matrixRows(build);
    expect(rows.map((r) => [r.os!.split('-')[0], r.dist])).toEqual([
      ['ubuntu', 'linux'],
      ['windows', 'win'],
      ['macos', 'mac'],
    ]);
    expect(rows.map((r) => r.installers!.trim().split('\n').sort())).toEqual([['dist/*.AppImage', 'dist/*.deb'], ['dist/*.exe'], ['dist/*.dmg']]);
  });

  it('checks the tag against package.json, builds, smoke-tests the packaged app, then uploads the installers', () => {
    const tag = stepIndex(build, runs(/GITHUB_REF_NAME/), 'checks the tag');
    const install = stepIndex(build, runs(/^npm ci$/m), 'runs npm ci');
    const dist = stepIndex(build, runs(/^npm run dist:\$\{\{ matrix\.dist \}\}/m), 'builds the installers');
    const smoke = stepIndex(build, runs(/npm run smoke:packaged$/m), 'smoke-tests the packaged app');
    const upload = stepIndex(build, (s) => !!s.uses?.startsWith('actions/upload-artifact@'), 'uploads the installers');
    expect([tag, install, dist, smoke, upload]).toEqual([...[tag, install, dist, smoke, upload]].sort((a, b) => a - b));
    expect(build.steps![upload]!.with).toMatchObject({ path: '${{ matrix.installers }}', 'if-no-files-found': 'error' });
    expect(build.steps!.find(runs(/xvfb-run .*npm run smoke:packaged/))!.if).toBe("runner.os == 'Linux'");
    expect(build.steps![dist]!.run).toContain('--publish never');
  });

  it('puts the installers on a draft release, the only job that may write', () => {
    const draft = release.jobs['draft-release']!;
    expect(draft.needs).toBe('installers');
    expect(draft.permissions).toEqual({ contents: 'write' });
    expect(release.permissions).toEqual({ contents: 'read' });
    const download = draft.steps!.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toMatchObject({ pattern: 'installers-*', 'merge-multiple': true });
    const publish = draft.steps!.find((s) => s.uses?.startsWith('softprops/action-gh-release@'))!;
    expect(publish.with).toMatchObject({ draft: true, files: `${String(download.with!.path)}/*`, fail_on_unmatched_files: true });
  });
});

describe('both workflows', () => {
  it.each([
    ['ci.yml', ci],
    ['release.yml', release],
  ])('%s runs only npm scripts that exist and uses only pinned actions', (_file, wf) => {
    expect(npmRuns(wf).length).toBeGreaterThan(0);
    expect(scriptProblems(wf)).toEqual([]);
    expect(pinProblems(wf)).toEqual([]);
  });

  it('every OS the release builds has its dist script, and the checks catch a missing script or a floating action', () => {
    expect(npmRuns(release).map((r) => r.script)).toEqual(expect.arrayContaining(['dist:linux', 'dist:win', 'dist:mac', 'smoke:packaged']));
    const broken: Workflow = structuredClone(release);
    broken.jobs.installers!.strategy!.matrix.include![1]!.dist = 'windows';
    broken.jobs.installers!.steps![0]!.uses = 'actions/checkout@v5';
    broken.jobs['draft-release']!.steps![1]!.uses = 'softprops/action-gh-release@master';
    expect(scriptProblems(broken)).toEqual(['installers: npm run dist:windows is not a script in package.json']);
    expect(pinProblems(broken)).toEqual(['actions/checkout@v5 is not pinned to a version', 'softprops/action-gh-release@master is not pinned to a version']);
  });
});
