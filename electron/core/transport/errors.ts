import { AppError } from '../../domain/errors';

/** Refusals of the transport settings; sentences in locales/<lang>/bundles.json "transport.errors". */
export const TRANSPORT_ERROR_CODES = ['PASSWORD_REQUIRED', 'TLS_REQUIRED', 'FOLDER_REQUIRED'] as const;
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];

export function transportError(code: TransportErrorCode, params: Record<string, string | number> = {}): AppError {
  return new AppError(code, `bundles:transport.errors.${code}`, params);
}
