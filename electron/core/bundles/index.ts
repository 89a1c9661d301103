/** The bundle file layer: pure functions over bytes and keys (no store, no UI). */
export { buildBundle, bundleFileName, type BuildBundleInput, type BuiltBundle, type BundleSenderInput } from './build';
export { openBundle, openVerified, checkVerified, inspectBundle, type OpenBundleContext, type OpenedBundle, type InspectedBundle, type VerifiedBundle, type PinnedKey } from './open';
export { splitBundle, joinParts, readPart, isPart, partFileName, BUNDLE_FILE_NAME, type BundlePart, type JoinedBundle, type PartHeader } from './parts';
export {
  createIdentity,
  fingerprint,
  encryptPrivateKeys,
  decryptPrivateKeys,
  publicKeysOf,
  type Identity,
  type PublicKeys,
  type StoredIdentity,
} from './identity';
export { FileKeyProtector, safeStorageKeyProtector, safeStorageUsable, type KeyProtector, type SafeStorageLike } from './keyProtector';
export { ManifestSchema, AckSchema, FORMAT_VERSION, FORMAT_MIN_APP_VERSION, type Manifest, type Ack } from './manifest';
export { BUNDLE_ERROR_CODES, BundleError, bundleError, isBundleError, type BundleErrorCode } from './errors';
export { DEFAULT_LIMITS, DEFAULT_MAX_PART_BYTES, type BundleLimits } from './limits';
export { compareSemver } from './appVersion';
