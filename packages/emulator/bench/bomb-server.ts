// Child of decode-bombs.ts: one emulator (as a gateway embeds it), its URL sent to the parent.
import { startEmulator } from '../src/index.js';

const emu = await startEmulator({
  port: 0,
  analysisMemo: false,
  readProgression: { notStarted: { polls: 0 }, running: { polls: 0 } },
});
process.send?.({ url: emu.url, key: emu.key });
