// electron-builder afterPack hook: flips Electron's fuses in the packed binary before it is
// signed and wrapped in an installer. Fuses are read by Electron itself at start, so no code in
// the app can turn these back on. See docs/SECURITY.md ("Electron fuses").
const path = require('node:path');

/** The fuse settings, built from @electron/fuses' own enums (so a renamed fuse fails the test). */
function fuseConfig(FuseVersion, FuseV1Options) {
  return {
    version: FuseVersion.V1,
    // ELECTRON_RUN_AS_NODE would turn Sổ Việc.exe into a plain Node that runs any script.
    [FuseV1Options.RunAsNode]: false,
    // Cookies and local storage encrypted with the OS key (DPAPI on Windows).
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS=--require=… would inject code into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect would open a debugger port into the main process.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // app.asar checked against the hash embedded at build: a patched asar does not start.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Only the packed app.asar is loaded, never a loose app folder placed beside it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
  };
}

/** The Electron binary electron-builder just packed, per platform. */
function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    default:
      return path.join(context.appOutDir, context.packager.executableName || name);
  }
}

async function afterPack(context, fuses = require('@electron/fuses')) {
  const config = fuseConfig(fuses.FuseVersion, fuses.FuseV1Options);
  // macOS binaries are re-signed ad hoc after flipping (their signature covers the fuse wire).
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await fuses.flipFuses(electronBinary(context), { ...config, resetAdHocDarwinSignature: darwin });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinary = electronBinary;
