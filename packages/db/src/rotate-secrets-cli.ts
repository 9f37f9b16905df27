/**
 * `npm run secrets:rotate`: re-seals every authorization code with YOUJIAN_SECRET_KEY,
 * opening old ones with YOUJIAN_SECRET_KEY_PREVIOUS. Prints counts, never a secret.
 */
import { closeDb, createDb } from './client';
import { resolveDatabaseUrl } from './embedded';
import { rotateSealedSecrets } from './rotate-secrets';
import { loadSecretBox } from './secret-box';

const { url, stop } = await resolveDatabaseUrl();
const db = createDb(url, { max: 1 });
try {
  const count = await rotateSealedSecrets(db, loadSecretBox());
  console.log(
    `secrets: ${count.resealed} re-sealed with the current key, ${count.current} already current`,
  );
} finally {
  await closeDb(db);
  await stop();
}
