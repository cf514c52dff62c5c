/**
 * The modelled operations. A request for another operation, or one a handler declines (returns undefined,
 * e.g. a phone registration), is not modelled: Prism answers it with the spec's documented example.
 */
import type { EmulatedApp, Handler } from './context';
import { lrError } from './errors';
import { type EmulatedRequest, type EmulatedResponse, single } from './http';
import * as accounts from './handlers/accounts';
import { loginByPassword } from './handlers/login';
import * as mfaLogin from './handlers/mfa-login';
import * as mfaSettings from './handlers/mfa-settings';
import { changePassword, forgotPassword, resetPasswordByResetToken } from './handlers/password';
import * as customObjects from './handlers/custom-objects';
import * as phone from './handlers/phone';
import { getProfile, updateProfile } from './handlers/profile';
import * as refresh from './handlers/refresh';
import { emailLookup, register } from './handlers/registration';
import * as roleContexts from './handlers/role-contexts';
import * as roles from './handlers/roles';
import { invalidateTokenHandler, validateToken } from './handlers/tokens';
import * as userName from './handlers/username';
import type { EmulatorState } from './state';

/** The modelled operations, by the spec's operationId (Prism has already matched the request to one). */
const HANDLERS: Readonly<Record<string, Handler>> = {
  userRegistration: register,
  emailLookup,
  login: loginByPassword,
  authValidateAccessToken: validateToken,
  authInvalidateAccessToken: invalidateTokenHandler,
  validateAccessToken: validateToken,
  invalidateAccessToken: invalidateTokenHandler,
  getProfileByAccessToken: getProfile,
  updateProfileByAccessToken: updateProfile,
  changePassword,
  forgotPassword,
  resetPassword: resetPasswordByResetToken,
  resetPasswordWithResetToken: resetPasswordByResetToken,
  createAccount: accounts.createAccountHandler,
  getAccountProfile: accounts.getAccountByIdentifier,
  accountDeleteByEmail: accounts.deleteAccountByEmail,
  getAccountProfileByUid: accounts.getAccountByUid,
  updateAccountByUid: accounts.updateAccountByUid,
  deleteAccountByUid: accounts.deleteAccountByUid,
  setAccountPasswordByUid: accounts.setPassword,
  // Roles, role contexts and custom objects.
  getRolesList: roles.getRolesList,
  createRoles: roles.createRoles,
  deleteRole: roles.deleteRole,
  addRolePermissions: roles.addRolePermissions,
  removeRolePermissions: roles.removeRolePermissions,
  getRolesByUid: roles.getRolesByUid,
  assignRolesByUid: roles.assignRolesByUid,
  unassignRolesByUid: roles.unassignRolesByUid,
  getRoleContextByUid: roleContexts.getRoleContextByUid,
  updateRoleContextByUid: roleContexts.updateRoleContextByUid,
  deleteRoleContextByUid: roleContexts.deleteRoleContextByUid,
  deleteRolesFromRoleContextByUid: roleContexts.deleteRolesFromRoleContextByUid,
  deleteAdditionalPermissionFromRoleContextByUid: roleContexts.deleteAdditionalPermissionFromRoleContextByUid,
  getRoleContextByContextName: roleContexts.getRoleContextByContextName,
  getCustomObjectByAccessToken: customObjects.getCustomObjectByAccessToken,
  createCustomObjectByAccessToken: customObjects.createCustomObjectByAccessToken,
  getCustomObjectByRecordIdAndAccessToken: customObjects.getCustomObjectByRecordIdAndAccessToken,
  updateCustomObjectByAccessToken: customObjects.updateCustomObjectByAccessToken,
  deleteCustomObjectByAccessToken: customObjects.deleteCustomObjectByAccessToken,
  getCustomObjectByUid: customObjects.getCustomObjectByUid,
  createCustomObjectByUid: customObjects.createCustomObjectByUid,
  getCustomObjectByRecordId: customObjects.getCustomObjectByRecordId,
  updateCustomObjectByUid: customObjects.updateCustomObjectByUid,
  deleteCustomObjectByRecordId: customObjects.deleteCustomObjectByRecordId,
  // Username and phone identities, and token renewal.
  verifyPhoneOtp: phone.verifyPhoneOtp,
  resendPhoneVerificationOtp: phone.resendPhoneVerificationOtp,
  checkPhoneNumberAvailability: phone.checkPhoneNumberAvailability,
  checkUserNameAvailability: userName.checkUserNameAvailability,
  setOrChangeUserName: userName.setOrChangeUserName,
  updatePhoneIdByUid: accounts.updatePhoneIdByUid,
  refreshAccessTokenByRefreshToken: refresh.refreshAccessTokenByRefreshToken,
  refreshAccessToken: refresh.refreshAccessToken,
  // Multi-factor authentication with email and SMS OTPs: the login challenge, then switching factors on and off.
  mfaLogin: mfaLogin.mfaLoginByPassword,
  mfaEmailOtp: mfaLogin.sendLoginEmailOtp,
  mfaSendEmailOtpByMfaToken: mfaLogin.sendLoginEmailOtp,
  mfaValidateEmailOtp: mfaLogin.finishWithEmailOtp,
  mfaVerifyEmailOtpByMfaToken: mfaLogin.finishWithEmailOtp,
  mfaResendOtp: mfaLogin.resendLoginSmsOtp,
  mfaResendSmsOtpByMfaToken: mfaLogin.resendLoginSmsOtp,
  mfaUpdatePhoneNumber: mfaLogin.setLoginPhone,
  mfaUpdatePhoneNumberByMfaToken: mfaLogin.setLoginPhone,
  mfaValidateOtpByPhone: mfaLogin.finishWithSmsOtp,
  mfaVerifySmsOtpByMfaToken: mfaLogin.finishWithSmsOtp,
  mfaConfigureByAccessToken: mfaSettings.mfaSettings,
  mfaUpdatePhoneNumberInSettingsByAccessToken: mfaSettings.setMfaPhone,
  mfaUpdatePhoneNumberByAccessToken: mfaSettings.setMfaPhone,
  mfaUpdateSetting: mfaSettings.confirmMfaPhone,
  mfaVerifyPhoneNumberByAccessToken: mfaSettings.confirmMfaPhone,
  mfaEmailOtpByAccessToken: mfaSettings.sendSetupEmailOtp,
  mfaSendEmailOtpByAccessToken: mfaSettings.sendSetupEmailOtp,
  mfaValidateEmailOtpByAccessToken: mfaSettings.confirmEmailOtp,
  mfaVerifyEmailOtpByAccessToken: mfaSettings.confirmEmailOtp,
  mfaResetEmailOtpAuthenticatorByAccessToken: mfaSettings.resetEmailOtpBySession,
  mfaResetEmailOtpByAccessToken: mfaSettings.resetEmailOtpBySession,
  mfaResetSmsAuthByAccessToken: mfaSettings.resetSmsOtpBySession,
  mfaResetByAccessToken: mfaSettings.resetSmsAuthenticatorBySession,
  mfaResetEmailOtpAuthenticatorByUid: mfaSettings.resetEmailOtpByUid,
  mfaResetEmailOtpByUid: mfaSettings.resetEmailOtpByUid,
  mfaResetSmsAuthByUid: mfaSettings.resetSmsOtpByUid,
  mfaResetByUid: mfaSettings.resetSmsAuthenticatorByUid,
};

/**
 * Answers a request Prism has validated and matched to `operationId` (path template `pathTemplate`), or
 * returns undefined when the operation is not modelled.
 */
export function routeRequest(
  state: EmulatorState,
  app: EmulatedApp,
  operation: { readonly operationId: string; readonly pathTemplate: string },
  request: EmulatedRequest,
): EmulatedResponse | undefined {
  const handler = Object.hasOwn(HANDLERS, operation.operationId) ? HANDLERS[operation.operationId] : undefined;
  if (handler === undefined) return undefined;
  const refused = credentialProblem(app, request);
  if (refused) return refused;
  return handler({ state, app, request, params: pathParams(operation.pathTemplate, request.path) });
}

/** `{ uid: 'abc' }` from template `/account/{uid}` and path `/account/abc`. */
function pathParams(template: string, path: string): Record<string, string> {
  const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`);
  const groups = pattern.exec(path)?.groups ?? {};
  return Object.fromEntries(Object.entries(groups).map(([name, value]) => [name, decodeURIComponent(value)]));
}

/**
 * Prism has checked that the credentials an operation needs are present; the emulator checks they are the
 * app's. A signed request has had its signature checked before Prism (prism-front.ts); an M2M token is
 * accepted without being checked.
 */
function credentialProblem(app: EmulatedApp, request: EmulatedRequest): EmulatedResponse | undefined {
  const apiKey = single(request.query.apikey) ?? single(request.headers['x-loginradius-apikey']);
  if (apiKey !== undefined && apiKey !== app.apiKey) return lrError(920);
  const secret = single(request.headers['x-loginradius-apisecret']);
  if (secret !== undefined && secret !== app.apiSecret) return lrError(902);
  return undefined;
}
