/**
 * More of kinds 4–7: addresses a server turns into placeholders, groups and encoded names
 * holding ":" or ","; attached messages; cid: images used and unused; structure parsers
 * disagree on (text without subtype, no blank line after the header, an empty multipart,
 * boundary*= continued, boundaries missing inside, a preview behind a large <head>).
 */
import { eml, messageHead, wordB, wordQ } from './build-eml';
import { body, forwarded, multipart, plainView, pngPart } from './case-kit';
import type { CorpusCase } from './corpus-case';

const head = (id: string) => messageHead(id, 'Fri, 15 Mar 2024 16:20:00 +0800');
const to = 'To: reader@corpus.example.test';

const innerNotice = (subject: string, text: string) => [
  'From: Landlord <landlord@estate.example.test>',
  'To: tenant@corpus.example.test',
  `Subject: ${wordB(subject)}`,
  'Date: Thu, 14 Mar 2024 08:00:00 +0800',
  `Message-ID: <${Buffer.from(subject).toString('hex').slice(0, 16)}@estate.example.test>`,
  'MIME-Version: 1.0',
  ...body('text/plain', text),
];

export const moreStructureCases: CorpusCase[] = [
  {
    id: 'from-no-domain-quoted-name',
    kind: 'From whose address has an @ but no domain (the server says MISSING_DOMAIN)',
    raw: eml([
      `From: "${wordB('扫描仪')}" <scanner@>`,
      to,
      'Subject: Scan finished',
      ...head('no-domain'),
      ...body('text/plain', '扫描文件已保存到共享盘。'),
    ]),
    expected: plainView(
      'Scan finished',
      { name: '扫描仪', address: 'scanner@' },
      '扫描文件已保存到共享盘。',
      's-scan',
    ),
  },
  {
    id: 'from-bare-word',
    kind: 'From that is one bare word (the server says MISSING_MAILBOX / MISSING_DOMAIN)',
    raw: eml([
      'From: cron',
      to,
      'Subject: Nightly backup done',
      ...head('bare-word'),
      ...body('text/plain', 'Backup finished at 03:12.'),
    ]),
    expected: plainView(
      'Nightly backup done',
      { name: 'cron', address: '' },
      'Backup finished at 03:12.',
      's-backup',
    ),
  },
  {
    id: 'from-source-route',
    kind: 'From with an RFC 822 source route (obs-route, RFC 5322 §4.4): the address is the mailbox',
    raw: eml([
      'From: Ops <@relay.example.test:ops@corp.example.test>',
      to,
      'Subject: Relay notice',
      ...head('source-route'),
      ...body('text/plain', 'The relay is being retired.'),
    ]),
    expected: plainView(
      'Relay notice',
      { name: 'Ops', address: 'ops@corp.example.test' },
      'The relay is being retired.',
      's-relay',
    ),
  },
  {
    id: 'to-raw-utf8-group',
    kind: 'To as an RFC 5322 group with a raw UTF-8 name: the members, not the name',
    raw: eml([
      'From: Lead <lead@corpus.example.test>',
      'To: 项目组: a.member@corpus.example.test, "Li, Lei" <lei.li@corpus.example.test>;',
      'Subject: Sprint plan',
      ...head('raw-group'),
      ...body('text/plain', 'Sprint planning is on Monday.'),
    ]),
    expected: {
      ...plainView(
        'Sprint plan',
        { name: 'Lead', address: 'lead@corpus.example.test' },
        'Sprint planning is on Monday.',
        's-sprint',
      ),
      to: [
        { name: '', address: 'a.member@corpus.example.test' },
        { name: 'Li, Lei', address: 'lei.li@corpus.example.test' },
      ],
    },
  },
  {
    id: 'encoded-name-comma-and-colon-to',
    kind: 'encoded display names holding "," and ":" in From and To stay whole',
    raw: eml([
      `From: ${wordB('王, 芳')} <fang.wang@corpus.example.test>`,
      `To: ${wordQ('Team: 研发部')} <rd@corpus.example.test>, other@corpus.example.test`,
      'Subject: Release notes',
      ...head('ew-comma-colon'),
      ...body('text/plain', 'Release notes are attached below.'),
    ]),
    expected: {
      ...plainView(
        'Release notes',
        { name: '王, 芳', address: 'fang.wang@corpus.example.test' },
        'Release notes are attached below.',
        's-release',
      ),
      to: [
        { name: 'Team: 研发部', address: 'rd@corpus.example.test' },
        { name: '', address: 'other@corpus.example.test' },
      ],
    },
  },
  {
    id: 'rfc822-named-with-inner-attachment',
    kind: 'forwarded message/rfc822 with its own filename (kept, as for any named part), whose inner message has an attachment',
    raw: eml([
      'From: Tenant <tenant@corpus.example.test>',
      to,
      'Subject: Fwd: rent notice',
      ...head('fw-inner-att'),
      ...multipart('mixed', 'fo1', [
        body('text/plain', '房东的通知转给你。'),
        forwarded(
          [
            'From: Landlord <landlord@estate.example.test>',
            `Subject: ${wordB('房租调整通知')}`,
            'Date: Thu, 14 Mar 2024 08:00:00 +0800',
            'MIME-Version: 1.0',
            ...multipart('mixed', 'fi1', [
              body('text/plain', '四月起房租调整。'),
              pngPart(['Content-Disposition: attachment; filename="contract.png"']),
            ]),
          ],
          'Content-Disposition: attachment; filename="notice.eml"',
        ),
      ]),
    ]),
    expected: {
      ...plainView(
        'Fwd: rent notice',
        { name: 'Tenant', address: 'tenant@corpus.example.test' },
        '房东的通知转给你。',
        's-rent',
      ),
      attachments: ['notice.eml'],
      hasAttachments: true,
      snippetMustNotContain: ['四月起'],
    },
  },
  {
    id: 'two-forwarded-messages',
    kind: 'two message/rfc822 parts: two .eml attachments named after their subjects',
    raw: eml([
      'From: Tenant <tenant@corpus.example.test>',
      to,
      'Subject: Two notices',
      ...head('fw-two'),
      ...multipart('mixed', 'fo2', [
        body('text/plain', '两封通知都在附件里。'),
        forwarded(innerNotice('停水通知', '周三停水。')),
        forwarded(innerNotice('电梯检修', '周四电梯检修。')),
      ]),
    ]),
    expected: {
      ...plainView(
        'Two notices',
        { name: 'Tenant', address: 'tenant@corpus.example.test' },
        '两封通知都在附件里。',
        's-two-notices',
      ),
      attachments: ['停水通知.eml', '电梯检修.eml'],
      hasAttachments: true,
    },
  },
  {
    id: 'related-two-cid-images',
    kind: 'multipart/related whose HTML shows two cid: images: no attachment, no paperclip',
    raw: eml([
      'From: Newsletter <news@corpus.example.test>',
      to,
      'Subject: Spring newsletter',
      ...head('related-two'),
      ...multipart('related', 'rel2', [
        body(
          'text/html',
          '<html><body><img src="cid:logo@n"><p>春季新品上市。</p><img src="cid:banner@n"></body></html>',
        ),
        pngPart(['Content-ID: <logo@n>', 'Content-Disposition: inline; filename="logo.png"']),
        pngPart(['Content-ID: <banner@n>']),
      ]),
    ]),
    expected: {
      ...plainView(
        'Spring newsletter',
        { name: 'Newsletter', address: 'news@corpus.example.test' },
        '春季新品上市。',
        's-spring',
      ),
      htmlImagesResolve: true,
    },
  },
  {
    id: 'related-used-and-unused-cid',
    kind: 'one image the HTML shows through cid: and one whose Content-ID it never uses',
    raw: eml([
      'From: Designer <design@corpus.example.test>',
      to,
      'Subject: Logo drafts',
      ...head('related-unused'),
      ...multipart('related', 'rel3', [
        body(
          'text/html',
          '<html><body><img src="cid:sig@d"><p>第二版草图见附件。</p></body></html>',
        ),
        pngPart(['Content-ID: <sig@d>']),
        pngPart(['Content-ID: <draft2@d>', 'Content-Disposition: inline; filename="draft-2.png"']),
      ]),
    ]),
    expected: {
      ...plainView(
        'Logo drafts',
        { name: 'Designer', address: 'design@corpus.example.test' },
        '第二版草图见附件。',
        's-logo',
      ),
      attachments: ['draft-2.png'],
      hasAttachments: true,
    },
  },
  {
    id: 'text-no-subtype-gbk',
    kind: 'Content-Type: text; charset=gbk without subtype (RFC 2045 §5.2: text/plain)',
    raw: eml([
      'From: Old System <legacy@corpus.example.test>',
      to,
      'Subject: Password expiry',
      ...head('text-gbk'),
      ...body('text', '您的密码将在七天后过期。', { charset: 'gbk' }),
    ]),
    expected: plainView(
      'Password expiry',
      { name: 'Old System', address: 'legacy@corpus.example.test' },
      '您的密码将在七天后过期。',
      's-password',
    ),
  },
  {
    id: 'no-blank-line-after-header',
    kind: 'no blank line between the header and the body',
    raw: eml([
      'From: Script <script@corpus.example.test>',
      to,
      'Subject: Disk usage',
      ...head('no-blank'),
      'Content-Type: text/plain; charset=utf-8',
      '磁盘使用率已达百分之八十五。',
    ]),
    expected: {
      ...plainView(
        'Disk usage',
        { name: 'Script', address: 'script@corpus.example.test' },
        '磁盘使用率已达百分之八十五。',
        's-disk',
      ),
      searchFor: ['磁盘'],
    },
  },
  {
    id: 'empty-multipart',
    kind: 'a multipart/mixed with no parts at all',
    raw: eml([
      'From: Robot <robot@corpus.example.test>',
      to,
      'Subject: Empty report',
      ...head('empty-multipart'),
      'Content-Type: multipart/mixed; boundary="nothing"',
      '',
      '--nothing--',
    ]),
    expected: {
      subject: 'Empty report',
      fromName: 'Robot',
      fromAddress: 'robot@corpus.example.test',
      snippet: '',
      attachments: [],
      hasAttachments: false,
      thread: 's-empty',
    },
  },
  {
    id: 'boundary-2231-continued',
    kind: 'a boundary given as RFC 2231 continuations (boundary*0*= / boundary*1=)',
    raw: eml([
      'From: Tool <tool@corpus.example.test>',
      to,
      'Subject: Inventory',
      ...head('boundary-cont'),
      "Content-Type: multipart/mixed; boundary*0*=''inv-; boundary*1=part",
      '',
      '--inv-part',
      ...body('text/plain', '库存盘点已完成。'),
      '--inv-part--',
    ]),
    expected: {
      ...plainView(
        'Inventory',
        { name: 'Tool', address: 'tool@corpus.example.test' },
        '库存盘点已完成。',
        's-inventory',
      ),
      searchFor: ['盘点'],
    },
  },
  {
    id: 'inner-boundary-missing',
    kind: 'a nested multipart/alternative whose boundary never occurs: its text still shows',
    raw: eml([
      'From: Mailer <mailer@corpus.example.test>',
      to,
      'Subject: Broken alternative',
      ...head('inner-missing'),
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/alternative; boundary="inner-never-used"',
      '',
      'Content-Type: text/plain; charset=utf-8',
      '',
      '内层边界丢失，但正文还在。',
      '--outer--',
    ]),
    expected: {
      ...plainView(
        'Broken alternative',
        { name: 'Mailer', address: 'mailer@corpus.example.test' },
        '内层边界丢失，但正文还在。',
        's-broken-alt',
      ),
      searchFor: ['边界'],
    },
  },
  {
    id: 'gbk-html-large-style',
    kind: 'GBK HTML whose <head> holds 8 KB of <style> and a <script>: the preview skips them',
    raw: eml([
      'From: Mall <mall@corpus.example.test>',
      to,
      `Subject: ${wordB('会员日活动', 'gbk')}`,
      ...head('gbk-style'),
      ...body(
        'text/html',
        `<html><head><script>var tracking = 1;</script><style>${Array.from(
          { length: 120 },
          (_, i) => `.m${i}{font-size:12px;color:#666;}`,
        ).join('\n')}</style></head><body><p>会员日全场八折。</p></body></html>`,
        { charset: 'gbk' },
      ),
    ]),
    expected: {
      ...plainView(
        '会员日活动',
        { name: 'Mall', address: 'mall@corpus.example.test' },
        '会员日全场八折。',
        's-member-day',
      ),
      searchFor: ['八折'],
    },
  },
];
