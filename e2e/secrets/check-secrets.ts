/**
 * Playwright globalTeardown: after the whole e2e run (browsers closed, so their NetLogs
 * are complete; the product still running), no response the browser received and no
 * line the product logged may hold a test authorization code, a product password or a
 * secret the product generated into its data folder. Fails the run naming which secret
 * leaked where, never the secret itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAILSTACK } from '@youjian/mailstack';
import { findSecrets, type Secret } from './find-secrets';
import { receivedTexts } from './net-log';
import { dataDirFile, productLogFile, runRecordDir } from './run-record';

/** The product account password the specs sign up with. */
const PRODUCT_PASSWORD = 'correct horse battery staple';

function secretsOfTheRun(): Secret[] {
  const secrets: Secret[] = Object.values(MAILSTACK.users).map((user) => ({
    label: `authorization code of ${user.address}`,
    value: user.authCode,
  }));
  secrets.push({ label: 'product account password', value: PRODUCT_PASSWORD });
  const dataDir = fs.existsSync(dataDirFile()) ? fs.readFileSync(dataDirFile(), 'utf8') : '';
  for (const name of ['secret.key', 'auth.secret']) {
    const file = path.join(dataDir, name);
    if (dataDir && fs.existsSync(file)) {
      secrets.push({
        label: `the data folder's ${name}`,
        value: fs.readFileSync(file, 'utf8').trim(),
      });
    }
  }
  return secrets;
}

export default async function checkSecrets(): Promise<void> {
  const dir = runRecordDir();
  const netLogs = fs.readdirSync(dir).filter((name) => name.startsWith('netlog-'));
  const responses = (
    await Promise.all(netLogs.map((name) => receivedTexts(path.join(dir, name))))
  ).flat();
  const productLog = fs.existsSync(productLogFile())
    ? fs.readFileSync(productLogFile(), 'latin1')
    : '';
  const texts = [...responses, { where: 'product stdout/stderr', text: productLog }];
  const secrets = secretsOfTheRun();
  const leaks = findSecrets(texts, secrets);
  console.log(
    `secrets check: ${responses.length} responses and headers from ${netLogs.length} browser logs, ${productLog.split('\n').length} product log lines, ${secrets.length} secrets: ${leaks.length} leaks`,
  );
  // a check that saw nothing proves nothing: the capture itself must have worked
  if (responses.filter(({ where }) => where.endsWith('body')).length === 0) {
    throw new Error(`secrets check: no response body was captured in ${dir}`);
  }
  if (leaks.length > 0) {
    throw new Error(
      `secrets check: ${leaks.map((leak) => `${leak.label} (${leak.encoding}) in ${leak.where}`).join('; ')}`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
