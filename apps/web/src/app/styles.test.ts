import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Plain CSS keeps its selectors apart from the markup, so a class name can be used in a
 * component and never styled (issue 10: `list-toolbar`, `small-button`, … had no rule and
 * the list fell apart). This check reads every className in the components and every
 * class selector in the style sheets and fails on a class without a rule.
 */
const SOURCE_ROOT = join(__dirname, '..');

function filesUnder(folder: string, pattern: RegExp): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}

/** Class names written as literals in className: "a b", {'a'}, {cond ? 'a' : 'b'}, {`a ${x}`}. */
export function classNamesIn(source: string): string[] {
  const names: string[] = [];
  const attribute = /className=(?:"([^"]*)"|\{((?:[^{}]|\{[^{}]*\})*)\})/g;
  for (const [, plain, expression] of source.matchAll(attribute)) {
    const literals =
      plain !== undefined
        ? [plain]
        : [...(expression ?? '').matchAll(/'([^']*)'|"([^"]*)"|`([^`]*)`/g)].map(
            ([, single, double, template]) =>
              (single ?? double ?? template ?? '').replace(/\$\{[^}]*\}/g, ' '),
          );
    for (const literal of literals) names.push(...literal.split(/\s+/).filter(Boolean));
  }
  return names.filter((name) => /^[a-z][\w-]*$/i.test(name));
}

export function classSelectorsIn(css: string): Set<string> {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return new Set(
    [...withoutComments.matchAll(/\.([a-z_-][\w-]*)/gi)].map((match) => match[1] ?? ''),
  );
}

describe('class names in markup', () => {
  it('reads class names the ways components write them', () => {
    const source = `<a className="folder-link active" /><b className={open ? 'menu open' : 'menu'} /><i className={\`row \${x} unread\`} />`;
    expect(classNamesIn(source)).toEqual([
      'folder-link',
      'active',
      'menu',
      'open',
      'menu',
      'row',
      'unread',
    ]);
  });

  it('every class used in a component has a style', () => {
    const styled = new Set(
      filesUnder(SOURCE_ROOT, /\.css$/).flatMap((file) => [
        ...classSelectorsIn(readFileSync(file, 'utf8')),
      ]),
    );
    const unstyled = filesUnder(SOURCE_ROOT, /\.tsx$/).flatMap((file) =>
      classNamesIn(readFileSync(file, 'utf8'))
        .filter((name) => !styled.has(name))
        .map((name) => `${relative(SOURCE_ROOT, file)}: .${name}`),
    );
    expect([...new Set(unstyled)]).toEqual([]);
  });
});
