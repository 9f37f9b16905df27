/** Loopback port of e2e/server.ts's control endpoint (POST /restart-worker). */
export const E2E_CONTROL_PORT = 3101;

/** Stops the product's sync worker and starts a new one (a deploy, or a crash and restart). */
export async function restartWorker(): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/restart-worker`, {
    method: 'POST',
  });
  if (!response.ok) throw new Error(`worker restart failed: ${await response.text()}`);
}
