/**
 * LoginRadius's error answers: the body LoginRadius sends (`Description`, `ErrorCode`, `Message`,
 * `IsProviderError`, `ProviderErrorResponse`) with the HTTP status the error catalogue (spec/error-codes.yaml)
 * documents for the code.
 */
import { ERROR_CODE_STATUSES } from '../../../generated/error-codes';
import type { Identifier } from './accounts';
import type { EmulatedResponse } from './http';

/** The codes the emulator answers with: the catalogue's short message, sent as both `Message` and `Description`. */
const DESCRIPTIONS = {
  902: 'The API secret is unauthorized',
  905: 'Access token is invalid',
  906: 'Access token has expired',
  908: 'A parameter is not formatted correctly',
  920: 'API key is invalid',
  936: 'Email address is already registered with your LoginRadius site',
  938: 'User does not exist',
  966: 'Invalid user ID and/or password',
  967: 'Current password is invalid',
  970: 'Email is not verified',
  973: 'Invalid email verification link',
  991: 'Your account is blocked',
  1017: 'This username is already registered with this website',
  1047: 'Role does not exist',
  1048: 'Secured one-time token (SOTT) is required',
  1049: 'Secured one-time token (SOTT) is invalid',
  1057: 'Custom object is not found or does not exist',
  1058: 'Phone number is already registered with your LoginRadius site',
  1063: 'Verification token (vtoken) is invalid',
  1066: 'Phone number is not verified',
  1067: 'Invalid OTP Code',
  1069: 'Verification OTP has expired',
  1073: 'This phone number has already been confirmed',
  1101: 'Two factor authentication is not configured for this profile',
  1103: 'Two factor authentication token is invalid',
  1104: 'Two factor authentication token has expired',
  1121: 'This is not valid request for removing two factor authentication',
  1133: 'Role Context Name is not Valid',
  1134: 'Validation failed for one or more fields',
  1142: 'Additional Permission does not exist',
  1175: 'Role Name is not valid or already exists',
  1208: 'API signature is invalid',
  1217: 'Refresh token invalid',
} as const;

/** An error code the emulator answers with. */
export type EmulatorErrorCode = keyof typeof DESCRIPTIONS;

/** The documented HTTP status of a code: 403 unless the catalogue says otherwise. */
function statusOfCode(code: number): number {
  for (const [status, codes] of Object.entries(ERROR_CODE_STATUSES)) if (codes.includes(code)) return Number(status);
  return 403;
}

/** LoginRadius's error answer for `code`; `description` replaces the standard text when given. */
export function lrError(code: EmulatorErrorCode, description?: string): EmulatedResponse {
  return {
    status: statusOfCode(code),
    body: {
      Description: description ?? DESCRIPTIONS[code],
      ErrorCode: code,
      Message: DESCRIPTIONS[code],
      IsProviderError: false,
      ProviderErrorResponse: null,
    },
  };
}

/** What LoginRadius answers when a registration or an update would take another account's identifier. */
export function identifierTaken(identifier: Identifier): EmulatedResponse {
  return lrError(({ email: 936, userName: 1017, phone: 1058 } as const)[identifier]);
}
