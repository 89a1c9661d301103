// `npm start`: opens the built app in Electron, or says in one line why it cannot.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const pathFile = path.join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;

if (!binary || !existsSync(binary)) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
    const r = spawn(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore' });
    const code = await new Promise((resolve) => r.on('exit', resolve));
    if (code === 0 && existsSync(pathFile)) {
      const again = spawn(process.execPath, [process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit' });
      again.on('exit', (c) => process.exit(c ?? 1));
      await new Promise(() => {});
    }
  }
  console.error(
    'Không có bản chạy Electron trên máy này (Electron binary missing): khi có mạng chạy "npx install-electron" rồi "npm start" lại, hoặc mở bằng trình duyệt: "npm run web".',
  );
  process.exit(1);
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
