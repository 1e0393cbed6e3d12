// The RSA step of the chat archive, on a worker thread so it neither blocks the event loop nor is limited to
// one core: PKCS#1 v1.5 decryption of encrypt_random_key with node-forge (see private-key-ring.ts for why).
// Plain JavaScript: worker threads start without the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import forge from 'node-forge';

const keys = new Map(workerData.pems.map(([version, pem]) => [version, forge.pki.privateKeyFromPem(pem)]));

parentPort.on('message', ({ id, version, encrypted }) => {
  const key = keys.get(version);
  try {
    if (!key) throw new Error(`no key of version ${version}`);
    const plain = key.decrypt(forge.util.decode64(encrypted), 'RSAES-PKCS1-V1_5');
    // A worker thread port, not window.postMessage: there is no origin to give.
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    parentPort.postMessage({ id, key: Buffer.from(plain, 'binary') });
  } catch (error) {
    // A worker thread port, not window.postMessage: there is no origin to give.
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
});
