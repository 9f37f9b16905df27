import { startProduct } from './product';
import { exitOnStartupFailure } from './startup-failure';

/** `npm start`; a start-up failure ends in one line (see exitOnStartupFailure). */
const product = await startProduct().catch(exitOnStartupFailure);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log('stopping …');
    void product.stop().then(() => process.exit(0));
  });
}
