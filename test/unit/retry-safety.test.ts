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
  'getConfigurations',
  'getConsentLogs',
  'getConsentLogsByUid',
  'getCustomObjectByRecordID',
  'getCustomObjectByRecordIDAndToken',
  'getCustomObjectByToken',
  'getCustomObjectByUid',
  'getPrivacyPolicyHistoryByAccessToken',
  'getPrivacyPolicyHistoryByUid',
  'getRestHookFields',
  'getRestHookSubscriptions',
  'getRoleContextByContextName',
  'getRoleContextByUid',
  'getRolesByUid',
  'getRolesList',
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
  'getSocialStatuses',
  'getSocialUserProfile',
  'getSocialVideos',
  'getTrackableStatusStats',
  'getWebHookSubscribedURLs',
  'getWebhookEvents',
  'getWebhookSubscriptionDetail',
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
