// The abuse list in the order it runs: URL tricks first, then decoder bombs, then the HTTP and
// GraphQL layer; the fan-out last but one (an unprotected gateway is still busy with it long
// after the client gave up), and last the normal query every gateway must still answer.
import type { Attack } from './attack.js';
import { BROWSER_ATTACKS } from './browser-attacks.js';
import { DISCONNECT_ATTACKS } from './disconnect-attacks.js';
import { INPUT_ATTACKS } from './input-attacks.js';
import { FAN_OUT_ATTACK, NORMAL_QUERY, REQUEST_ATTACKS } from './request-attacks.js';
import { URL_ATTACKS } from './url-attacks.js';

export const ABUSE_LIST: Attack[] = [
  ...URL_ATTACKS,
  ...INPUT_ATTACKS,
  ...REQUEST_ATTACKS,
  ...BROWSER_ATTACKS,
  ...DISCONNECT_ATTACKS,
  FAN_OUT_ATTACK,
  NORMAL_QUERY,
];
