import { startProduct } from './product';

const product = await startProduct();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log('stopping …');
    void product.stop().then(() => process.exit(0));
  });
}
