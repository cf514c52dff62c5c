// Which operations the client may repeat after a timeout or a 5xx, pinned by hand, independently of the spec
// and the generator: a call that sends an email, an SMS or a push must never be on the list, because
// repeating it would send the message twice.
import { describe, expect, test } from 'vitest';
import { callables } from '../support/spec';

/** The operations LoginRadius lets you repeat safely: they only read. Written by hand; change it on purpose. */
const MAY_BE_RETRIED = [
  'authValidateAccessToken',
  'checkPhoneNumberAvailability',
  'checkUserNameAvailability',
  'getAccessTokenInfo',
  'getAccountIdentitiesByEmail',
  'getAccountPasswordHashByUid',
  'getAccountProfile',
  'getAccountProfileByUid',
  'getActiveConsentForms',
  'getActiveCustomFields',
  'getAllConnectionGroupRoles',
  'getAllConsentForms',
  'getAllConsentOptions',
  'getAllCustomFieldNames',
  'getAllCustomFields',
  'getAllEmailTemplates',
  'getAllJwtCustomProviders',
  'getAllJwtIntegrations',
  'getAllOAuthClients',
  'getAllOAuthCustomProviders',
  'getAllOAuthIntegrations',
  'getAllOrganizationConnections',
  'getAllOrganizationDomains',
  'getAllOrganizations',
  'getAllPasskeysByAccessToken',
  'getAllPasskeysByUid',
  'getAllPermissions',
  'getAllRegistrationData',
  'getAllSamlCustomProviders',
  'getAllSamlIntegrations',
  'getAllSecurityQuestions',
  'getAllSmsTemplates',
  'getAllSocialProviders',
  'getAllSott',
  'getAllTenantRoles',
  'getAllWorkflowVersions',
  'getAllWorkflows',
  'getCaptchaConfiguration',
  'getConfigurations',
  'getConsentLogs',
  'getConsentLogsByUid',
  'getCustomFieldLimit',
  'getCustomObjectByAccessToken',
  'getCustomObjectByRecordId',
  'getCustomObjectByRecordIdAndAccessToken',
  'getCustomObjectByUid',
  'getDomainAccessRestrictions',
  'getDuoAuthenticatorConfiguration',
  'getEnabledSocialProviders',
  'getHpaProfileByEmail',
  'getInvitation',
  'getInvitationByInvitationId',
  'getInvitationsByOrgId',
  'getIpAccessRestrictions',
  'getJwtCustomProvider',
  'getJwtIntegration',
  'getJwtIntegrationDataMappingFields',
  'getJwtIntegrationSupportedAlgorithms',
  'getM2MJwks',
  'getMfaPushDeviceStatus',
  'getNextCustomObjects',
  'getNextIdentities',
  'getNextIdentitiesWithCustomObject',
  'getOAuthAuthorizationServerMetadata',
  'getOAuthClient',
  'getOAuthClientConnectionsMetadata',
  'getOAuthCustomProviderMappingKeys',
  'getOAuthIntegration',
  'getOidcAuthorizationServerMetadata',
  'getOidcDiscoveryConfiguration',
  'getOidcDynamicClient',
  'getOidcJwks',
  'getOidcUserinfo',
  'getOrgContextByOrgId',
  'getOrgContextByUid',
  'getOrgContextByUidAndOrgId',
  'getOrgRolesByOrgId',
  'getOrganization',
  'getOrganizationConnection',
  'getOrganizationDomain',
  'getPasskeyConfiguration',
  'getPasswordPolicy',
  'getPerfectMindContact',
  'getPermissionById',
  'getPrivacyPolicyHistoryByAccessToken',
  'getPrivacyPolicyHistoryByUid',
  'getPushNotificationSettings',
  'getRegistrationData',
  'getRestHookFields',
  'getRestHookSubscriptions',
  'getRoleContextByContextName',
  'getRoleContextByUid',
  'getRolesByUid',
  'getRolesList',
  'getSamlCustomProvider',
  'getSamlCustomProviderMappingKeys',
  'getSamlIdpMetadata',
  'getSamlIntegration',
  'getSecondFactorConfiguration',
  'getSecurityQuestionRenderCount',
  'getSecurityQuestionsByAccessToken',
  'getSecurityQuestionsByEmail',
  'getSecurityQuestionsByPhone',
  'getSecurityQuestionsByUserName',
  'getServerInfo',
  'getSocialAlbums',
  'getSocialAudios',
  'getSocialCheckins',
  'getSocialCompanies',
  'getSocialContacts',
  'getSocialEvents',
  'getSocialFollowings',
  'getSocialGroups',
  'getSocialIdentity',
  'getSocialLikes',
  'getSocialMentions',
  'getSocialPage',
  'getSocialPhotos',
  'getSocialPosts',
  'getSocialProvider',
  'getSocialStatuses',
  'getSocialUserProfile',
  'getSocialVideos',
  'getTenantRoleById',
  'getTenantRoleByName',
  'getTotpConfiguration',
  'getTrackableStatusStats',
  'getWebhookEvents',
  'getWebhookSubscribedUrls',
  'getWebhookSubscriptionDetail',
  'getWorkflowById',
  'linkLoginPing',
  'listActiveSessions',
  'listAllWebhooks',
  'validateAccessToken',
  'verifyConsentByAccessToken',
];

const operations = callables.filter((c) => !c.isVariant);

/** True when an operation sends a message: it takes a message template, or its description says it sends one. */
function sendsAMessage(c: (typeof callables)[number]): boolean {
  if (c.query.some((q) => /template/i.test(q.name))) return true;
  return /\b(sends?|texts?|emails?)\b[^.]{0,80}\b(email|e-mail|sms|text message|push|otp|one-time|code|link)\b/i.test(c.description);
}

describe('retry safety', () => {
  test('the spec marks exactly the hand-written list as safe to retry', () => {
    expect(
      operations
        .filter((c) => c.idempotent)
        .map((c) => c.operationId)
        .sort(),
    ).toEqual([...MAY_BE_RETRIED].sort());
  });

  test('every operation on the list reads with GET', () => {
    for (const c of operations.filter((o) => MAY_BE_RETRIED.includes(o.operationId))) expect(c.method, c.operationId).toBe('GET');
  });

  test('no operation that sends an email, an SMS or a push is on the list', () => {
    const senders = operations.filter(sendsAMessage);
    expect(senders.length).toBeGreaterThan(40);
    expect(senders.filter((c) => MAY_BE_RETRIED.includes(c.operationId)).map((c) => c.operationId)).toEqual([]);
  });

  test('variants inherit their operation’s retry safety', () => {
    for (const v of callables.filter((c) => c.isVariant)) {
      expect(v.idempotent, v.name).toBe(MAY_BE_RETRIED.includes(v.operationId));
    }
  });
});
