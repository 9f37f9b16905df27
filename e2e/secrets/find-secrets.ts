/**
 * Pure: where any of `secrets` appears in `texts`, as written or in the encodings a
 * response could carry it in (percent-encoded as in a URL or form, base64 as in a token
 * or a data: URL, JSON-escaped). A leak names the secret's label, never the secret.
 * Texts are compared as Latin-1 bytes, so UTF-8 bodies match UTF-8 secrets too.
 */
export interface Secret {
  /** what the secret is, e.g. "authorization code of alice@qq.test" */
  label: string;
  value: string;
}

export interface Leak {
  label: string;
  encoding: string;
  where: string;
}

export function findSecrets(texts: { where: string; text: string }[], secrets: Secret[]): Leak[] {
  const forms = secrets.flatMap((secret) =>
    encodings(secret.value).map(([encoding, needle]) => ({
      label: secret.label,
      encoding,
      needle,
    })),
  );
  return texts.flatMap(({ where, text }) =>
    forms
      .filter(({ needle }) => text.includes(needle))
      .map(({ label, encoding }) => ({ label, encoding, where })),
  );
}

const latin1 = (value: string) => Buffer.from(value, 'utf8').toString('latin1');

function encodings(value: string): [string, string][] {
  const forms: [string, string][] = [
    ['as written', latin1(value)],
    ['percent-encoded', encodeURIComponent(value)],
    ['form-encoded', encodeURIComponent(value).replace(/%20/g, '+')],
    ['base64', Buffer.from(value).toString('base64').replace(/=+$/, '')],
    ['JSON-escaped', latin1(JSON.stringify(value).slice(1, -1))],
  ];
  // one needle per distinct form: 'alice-auth-code' is the same in most of them
  return forms.filter(
    ([, needle], index) => forms.findIndex(([, other]) => other === needle) === index,
  );
}
