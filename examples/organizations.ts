/**
 * B2B with the Management API: create an organization, give it a role, invite a colleague with that role, assign
 * the role to an existing user, and list the organizations. The client obtains its M2M token itself (see
 * `m2m` and `hub` in the README). Runs against the mock LoginRadius in the test suite.
 */
import {
  assignRolesToUser,
  createOrganization,
  createOrgTenantRole,
  getAllOrganizations,
  sendInvitation,
  type LoginRadiusClient,
} from '../src/index';

export interface OrganizationsInput {
  /** The organization to create. */
  readonly name: string;
  /** Who to invite, and on whose behalf. */
  readonly inviteEmail: string;
  readonly inviterUid: string;
  /** An existing user who gets the new role in the organization. */
  readonly memberUid: string;
}

/** Runs the steps and reports each through `log`. Returns the number of steps completed. */
export async function runOrganizations(
  admin: LoginRadiusClient,
  input: OrganizationsInput,
  log: (line: string) => void = console.log,
): Promise<number> {
  const organization = await createOrganization(admin, { body: { Name: input.name } });
  const orgId = organization.Id!;
  log(`1. createOrganization: ${organization.Name} (${orgId})`);

  const role = await createOrgTenantRole(admin, {
    path: { orgId },
    body: { Name: 'billing-manager', Description: "Reads and pays the organization's invoices.", Permissions: ['invoices:read'] },
  });
  log(`2. createOrgTenantRole: ${role.Name} (${role.Id})`);

  const invitation = await sendInvitation(admin, {
    query: { invitation_url: 'https://app.example.com/join' },
    body: { email: input.inviteEmail, orgId, roleIds: [role.Id!], inviterUid: input.inviterUid },
  });
  log(`3. sendInvitation: ${invitation.EmailId ?? input.inviteEmail} is ${invitation.Status ?? 'invited'}`);

  const assigned = await assignRolesToUser(admin, { path: { uid: input.memberUid, orgId }, body: { RoleIds: [role.Id!] } });
  log(`4. assignRolesToUser: ${input.memberUid} in ${orgId}: ${JSON.stringify(assigned)}`);

  const all = await getAllOrganizations(admin, {});
  log(`5. getAllOrganizations: ${all.Data?.length ?? 0} organization(s)`);
  return 5;
}
