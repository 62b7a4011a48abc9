// "Send now" on a report that is waiting to be sent.
import { SendNowButton, useSendState } from '../sync';

export function SendButton({ id }: { id: string }) {
  return useSendState(id).state === 'queued' ? <SendNowButton primary /> : null;
}
