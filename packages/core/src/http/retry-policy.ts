/** How safe it is to send a request again. */
export type ReplaySafety =
  /** Reading or analysing: repeating it only costs another transaction. */
  | 'idempotent'
  /** Creates server state (POST /read/analyze): repeat only when the first cannot have been processed. */
  | 'creates';

/** Whether an HTTP status is worth retrying for a request of this safety. */
export function retryableStatus(status: number, safety: ReplaySafety): boolean {
  // 429 and 503 are refusals before processing, so even a create is safe to repeat.
  if (status === 429 || status === 503) return true;
  return safety === 'idempotent' && status >= 500;
}

/** Whether a transport failure is worth retrying; `beforeSend` means no byte reached the server. */
export function retryableFailure(beforeSend: boolean, safety: ReplaySafety): boolean {
  return beforeSend || safety === 'idempotent';
}
