// electron-builder afterPack hook: burns the security fuses into the packaged Electron binary, before
// signing (electron-builder signs after this hook). Off: running as plain Node (ELECTRON_RUN_AS_NODE),
// NODE_OPTIONS, --inspect; on: loading the app only from the (integrity-checked) app.asar, cookie encryption.
const { FuseV1Options, FuseVersion, getCurrentFuseWire } = require('@electron/fuses');

const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
};

exports.FUSES = FUSES;

exports.default = async function afterPack(context) {
  await context.packager.addElectronFuses(context, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 /* arm64 */,
    ...FUSES,
  });
  // read back: a binary whose fuses did not take must not ship
  const path = require('node:path');
  const ext = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[context.electronPlatformName];
  const name = context.electronPlatformName === 'linux' ? context.packager.executableName : context.packager.appInfo.productFilename;
  const wire = await getCurrentFuseWire(path.join(context.appOutDir, `${name}${ext}`));
  for (const [fuse, on] of Object.entries(FUSES)) {
    const state = wire[fuse];
    // FuseState: 48 = DISABLE, 49 = ENABLE
    if (state !== (on ? 49 : 48)) throw new Error(`fuse ${FuseV1Options[fuse]} is ${state}, expected ${on ? 'enabled' : 'disabled'}`);
  }
};
