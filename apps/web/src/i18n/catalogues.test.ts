import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zhCN from '../../messages/zh-CN.json';

type Catalogue = { [key: string]: string | Catalogue };

/** Every message as `namespace.key` → text. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

/** The ICU arguments a message takes: `{count, plural, …}` and `{name}` give count, name. */
function argumentsOf(message: string): string[] {
  return [
    ...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1] ?? '')),
  ].sort();
}

const catalogues = { en: flatten(en), 'zh-CN': flatten(zhCN) };
const SOURCE_ROOT = join(__dirname, '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Keys given as literals to a translator: `const t = useTranslations('mail')` (or
 * `await getTranslations('mail')`) then `t('reply')`, `t.rich('…')`, `t.has('…')`.
 * Keys built at run time (`t(\`folders.${role}\`)`) are checked by the compiler instead
 * (global.d.ts types every key against en.json).
 */
function keysUsedIn(source: string): string[] {
  const used: string[] = [];
  const binding =
    /(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:'([\w.-]+)')?\s*\)/g;
  const bindings = [...source.matchAll(binding)];
  bindings.forEach(([, name, namespace], index) => {
    // a binding reaches to the next one of the same name (another function's `t`)
    const start = bindings[index]?.index ?? 0;
    const next = bindings.slice(index + 1).find((later) => later[1] === name);
    const scope = source.slice(start, next?.index ?? source.length);
    const call = new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.has)?\\(\\s*'([\\w.-]+)'`, 'g');
    for (const [, key] of scope.matchAll(call)) {
      used.push(namespace ? `${namespace}.${key}` : `${key}`);
    }
  });
  return used;
}

describe('message catalogues', () => {
  it('has every key in both languages', () => {
    const english = [...catalogues.en.keys()].sort();
    const chinese = [...catalogues['zh-CN'].keys()].sort();
    expect(english.filter((key) => !catalogues['zh-CN'].has(key))).toEqual([]);
    expect(chinese.filter((key) => !catalogues.en.has(key))).toEqual([]);
  });

  it('has no empty message', () => {
    for (const [language, messages] of Object.entries(catalogues)) {
      const empty = [...messages].filter(([, text]) => !text.trim()).map(([key]) => key);
      expect(empty, language).toEqual([]);
    }
  });

  it('gives each message the same arguments in both languages', () => {
    const differing = [...catalogues.en]
      .filter(([key, text]) => {
        const chinese = catalogues['zh-CN'].get(key);
        return chinese !== undefined && argumentsOf(text).join() !== argumentsOf(chinese).join();
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('has every key the components ask for', () => {
    const missing = sourceFiles(SOURCE_ROOT).flatMap((file) =>
      keysUsedIn(readFileSync(file, 'utf8'))
        .filter((key) => !catalogues.en.has(key))
        .map((key) => `${relative(SOURCE_ROOT, file)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('finds literal keys the way components write them', () => {
    const source = `const t = useTranslations('mail');\nt('reply'); t.rich('forward', {});\nconst s = await getTranslations();\ns('folders.inbox')\nfunction B() { const t = useTranslations('nav'); t('back'); }`;
    expect(keysUsedIn(source).sort()).toEqual([
      'folders.inbox',
      'mail.forward',
      'mail.reply',
      'nav.back',
    ]);
  });
});
