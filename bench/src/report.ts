import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round } from './stats';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** null: a supporting figure (a reference rate, a breakdown) without a target */
  target: number | null;
  /** 'min': value must be ≥ target; 'max': value must be ≤ target */
  direction?: 'min' | 'max';
  /** how the figure was made, e.g. the reference it is a ratio to */
  note: string;
}

export function passes(figure: Figure): boolean | null {
  if (figure.target === null) return null;
  if (!Number.isFinite(figure.value)) return false;
  return figure.direction === 'max' ? figure.value <= figure.target : figure.value >= figure.target;
}

export interface RunInfo {
  command: string;
  quick: boolean;
  /** only some groups ran (--groups): the other figures of the last results are kept */
  partial?: boolean;
  startedAt: Date;
  durationS: number;
  /** benchmark group → seconds it took */
  groupDurations: Record<string, number>;
  /** group → error text, for groups that failed */
  failures: Record<string, string>;
  database: string;
}

function versionOf(command: string, args: string[]): string {
  try {
    return (
      execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
        .split('\n')[0]
        ?.trim() ?? '?'
    );
  } catch {
    return 'not found';
  }
}

export function machineNotes(): string[] {
  const cpus = os.cpus();
  return [
    `${os.type()} ${os.release()}, ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, load at end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    `Node ${process.version}; ${versionOf('dovecot', ['--version'])} (Dovecot); ${versionOf('mbsync', ['-v'])}; ${versionOf('psql', ['--version'])}`,
    'Everything on loopback on this one machine (mail servers, Postgres, the product, the browser), so the 2 cores are shared by client and servers.',
  ];
}

const fmt = (value: number) => (Number.isFinite(value) ? String(round(value, 4)) : String(value));
const sign = (f: Figure) => (f.direction === 'max' ? '≤' : '≥');

type ResultsJson = Record<
  string,
  { value: number | null; unit: string; target: number | null; command: string }
>;

/** A RESULTS.md table row's figure name (`| \`name\` | …`), or null for any other line. */
function rowName(line: string): string | null {
  return /^\| `([^`]+)` \|/.exec(line)?.[1] ?? null;
}

const groupOf = (name: string) => name.slice(0, name.indexOf('.'));

/**
 * The rows of this run merged into those of the last results: a row keeps its place and
 * is replaced when re-measured; a new figure follows the last row of its group (the part
 * of the name before the dot). Pure: lines in, lines out.
 */
export function mergeRows(previous: string[], current: Map<string, string>): string[] {
  const rows = previous.map((line) => current.get(rowName(line) ?? '') ?? line);
  const known = new Set(previous.map(rowName));
  for (const [name, row] of current) {
    if (known.has(name)) continue;
    const lastOfGroup = rows.findLastIndex(
      (line) => groupOf(rowName(line) ?? '') === groupOf(name),
    );
    rows.splice(lastOfGroup === -1 ? rows.length : lastOfGroup + 1, 0, row);
  }
  return rows;
}

function readPrevious(benchDir: string): { json: ResultsJson; rows: string[]; header: string } {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(benchDir, 'results.json'), 'utf8'));
    const md = fs.readFileSync(path.join(benchDir, 'RESULTS.md'), 'utf8').split('\n');
    return {
      json,
      rows: md.filter((line) => rowName(line) !== null),
      header: md.find((line) => line.startsWith('Command: ')) ?? '',
    };
  } catch {
    return { json: {}, rows: [], header: '' };
  }
}

/**
 * Writes bench/RESULTS.md and bench/results.json. A partial run (--groups) of full size
 * keeps the other figures of the last results, each with the command that made it.
 */
export function writeResults(benchDir: string, figures: Figure[], run: RunInfo): void {
  const previous =
    run.partial && !run.quick ? readPrevious(benchDir) : { json: {}, rows: [], header: '' };
  const json: ResultsJson = { ...previous.json };
  for (const f of figures) {
    json[f.name] = {
      value: Number.isFinite(f.value) ? round(f.value, 4) : null,
      unit: f.unit,
      target: f.target,
      command: run.command,
    };
  }
  fs.writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);

  const current = new Map(
    figures.map((f) => {
      const verdict = passes(f);
      const target = f.target === null ? '—' : `${sign(f)} ${f.target}`;
      const result = verdict === null ? 'info' : verdict ? 'pass' : '**FAIL**';
      const row = `| \`${f.name}\` | ${fmt(f.value)} | ${f.unit} | ${target} | ${result} | \`${run.command}\` | ${f.note} |`;
      return [f.name, row] as const;
    }),
  );
  const rows = mergeRows(previous.rows, current);
  const lines = [
    '# Benchmark results',
    '',
    run.quick
      ? '**QUICK MODE** (`--quick`: 5,000-message folder, 50 idle accounts) — CI-sized, not the figures the targets are about.'
      : 'Full run (50,000-message folder, 500 idle accounts).',
    '',
    `Command: \`${run.command}\` — started ${run.startedAt.toISOString()}, took ${run.durationS.toFixed(0)} s (${Object.entries(
      run.groupDurations,
    )
      .map(([group, s]) => `${group} ${s.toFixed(0)} s`)
      .join(', ')}). Database: ${run.database}.`,
    '',
    ...(previous.rows.length > 0
      ? [
          `Only some groups ran; every other row is kept from the results before, made by the command in its row. Those results: ${previous.header.replace(/^Command: /, '')}`,
          '',
        ]
      : []),
    'Every figure is produced by the one command in its row; ratios and overheads are against a reference measured in the same run. How each is measured, what falls short and why: [README.md](README.md).',
    '',
    '| name | value | unit | target | pass/fail | command | how |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    ...(Object.keys(run.failures).length > 0
      ? [
          '## Groups that failed',
          '',
          ...Object.entries(run.failures).map(([g, e]) => `- ${g}: ${e}`),
          '',
        ]
      : []),
    '## Machine',
    '',
    ...machineNotes().map((line) => `- ${line}`),
    '',
  ];
  fs.writeFileSync(path.join(benchDir, 'RESULTS.md'), lines.join('\n'));
}
