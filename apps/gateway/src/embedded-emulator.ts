// The emulator is an optional peer of the gateway: a gateway in front of Azure is installed
// without it (and without its image-analysis libraries). It is imported only when no upstream
// is configured.
import { ConfigError } from './config/config-error.js';

type EmulatorModule = typeof import('@visiongraph/emulator');

/** @throws {ConfigError} naming VISION_ENDPOINT when the emulator package is not installed. */
export async function importEmulator(
  load: () => Promise<EmulatorModule> = () => import('@visiongraph/emulator'),
): Promise<EmulatorModule> {
  try {
    return await load();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' || !String(error).includes('@visiongraph/emulator'))
      throw error;
    throw new ConfigError(
      'VISION_ENDPOINT',
      'not set, and @visiongraph/emulator (the embedded emulator used without it) is not installed. ' +
        'Set VISION_ENDPOINT and VISION_KEY to an Azure AI Vision resource, or install @visiongraph/emulator.',
    );
  }
}
