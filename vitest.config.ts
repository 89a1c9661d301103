import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/security/**/*.test.ts'],
    environment: 'node',
    // Key files of test installations (kept outside data folders) go to a temp folder, not ~/.config.
    // Data keys of test folders are sealed under this passphrase there (core/atRest/passphrase.ts).
    // A cheaper scrypt for the test key folder (CLI tests start many processes; see passphrase.ts).
    env: { SOVIEC_KEY_DIR: path.join(os.tmpdir(), 'soviec-test-keys'), SOVIEC_PASSPHRASE: 'mật khẩu thử nghiệm', SOVIEC_SCRYPT_LOG_N: '14' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
