/**
 * Provider presets: where QQ Mail and NetEase keep their servers and how a user gets the
 * 授权码 (authorization code). Provider differences live here, never in callers.
 */
import { endpointOverrides } from './env';
import type { Endpoint, ProviderId, ProviderPreset } from './types';

const NETEASE_AUTH_CODE_HELP =
  '网页版邮箱 → 设置 → POP3/SMTP/IMAP → 开启 IMAP/SMTP 服务 → 授权码（不是登录密码）';

function tls(host: string, port: number): Endpoint {
  return { host, port, security: 'tls' };
}

function netEasePreset(id: '163' | '126' | 'yeah', label: string, domain: string): ProviderPreset {
  return {
    id,
    label,
    domains: [domain],
    // No IDLE at NetEase: the worker asks the open INBOX session with NOOP this often, so
    // new mail shows within ~10 s as in 163's own app; a NOOP is no new login (throttled).
    pollIntervalMs: 10_000,
    imap: tls(`imap.${domain}`, 993),
    smtp: tls(`smtp.${domain}`, 465),
    authCodeHelp: NETEASE_AUTH_CODE_HELP,
    // Undocumented whether NetEase files SMTP-submitted mail into 已发送: look, else APPEND.
    sentCopy: 'unknown',
    // NetEase's APPENDLIMIT (DESIGN.md, provider facts): its SMTP takes no bigger message
    maxMessageBytes: 71_680_000,
  };
}

export const PROVIDER_PRESETS: ProviderPreset[] = [
  {
    id: 'qq',
    label: 'QQ Mail',
    domains: ['qq.com', 'foxmail.com'],
    imap: tls('imap.qq.com', 993),
    smtp: tls('smtp.qq.com', 465),
    authCodeHelp: 'QQ邮箱 网页版 → 设置 → 账号 → 开启 IMAP/SMTP 服务 → 生成授权码',
    // QQ files SMTP-submitted mail into "Sent Messages" only when the user turned on
    // "SMTP发信后保存到服务器" (off by default): look for its copy, else APPEND.
    sentCopy: 'unknown',
    // smtp.qq.com's SIZE (DESIGN.md, provider facts)
    maxMessageBytes: 73_400_320,
  },
  netEasePreset('163', 'NetEase 163', '163.com'),
  netEasePreset('126', 'NetEase 126', '126.com'),
  netEasePreset('yeah', 'NetEase yeah.net', 'yeah.net'),
  {
    id: 'custom',
    label: 'Other (IMAP/SMTP)',
    domains: [],
    authCodeHelp: 'Use the password or app password your provider gives for IMAP and SMTP.',
    sentCopy: 'never',
  },
];

export function getPreset(id: ProviderId): ProviderPreset {
  const preset = PROVIDER_PRESETS.find((candidate) => candidate.id === id);
  if (!preset) throw new Error(`Unknown provider preset: ${id}`);
  return preset;
}

/** The preset whose domains contain the address's domain, if any (e.g. foxmail.com → qq). */
export function presetForAddress(address: string): ProviderPreset | null {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return PROVIDER_PRESETS.find((preset) => preset.domains.includes(domain)) ?? null;
}

/**
 * The endpoints to connect to: the preset's (with YOUJIAN_PROVIDER_ENDPOINTS applied), or
 * for `custom` what the user typed.
 */
export function resolveEndpoints(
  preset: ProviderId,
  custom?: { imap: Endpoint; smtp: Endpoint },
): { imap: Endpoint; smtp: Endpoint } {
  if (preset === 'custom') {
    if (!custom) throw new Error('The custom provider needs IMAP and SMTP endpoints');
    return { imap: custom.imap, smtp: custom.smtp };
  }
  const base = getPreset(preset);
  const override = endpointOverrides()[preset];
  const imap = override?.imap ?? base.imap;
  const smtp = override?.smtp ?? base.smtp;
  if (!imap || !smtp) throw new Error(`Preset ${preset} has no endpoints`);
  return { imap, smtp };
}
