// A dedicated worker that runs Argon2id off the main thread. It keeps nothing: each
// request's password copy is wiped as soon as the hash is computed.
import { type Argon2Request, argon2InThisThread } from './argon2';

interface Message {
  id: number;
  request: Argon2Request;
}

addEventListener('message', async (event: MessageEvent<Message>) => {
  const { id, request } = event.data;
  try {
    const hash = await argon2InThisThread(request);
    postMessage({ id, hash }, { transfer: [hash.buffer] });
  } catch {
    postMessage({ id, error: true });
  } finally {
    request.password.fill(0);
  }
});
