import { z, ZUuid } from './common';
import { ZRole } from './auth';

/** Invitations last this long; an expired one is refused and has to be sent again. */
export const INVITATION_TTL_DAYS = 7;
/** The shortest password a new account may have. */
export const MIN_PASSWORD_LENGTH = 12;

/** An invitation to join the organization. Never carries its token. */
export const ZInvitation = z
  .object({
    id: ZUuid,
    email: z.string(),
    role: ZRole,
    invitedBy: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    acceptedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .openapi('Invitation');
export type TInvitation = z.infer<typeof ZInvitation>;
export const ZInvitationList = z.object({ items: z.array(ZInvitation) }).openapi('InvitationList');

export const ZCreateInvitation = z
  .object({
    email: z.email().max(320),
    role: ZRole,
  })
  .openapi('CreateInvitation');
export type TCreateInvitation = z.infer<typeof ZCreateInvitation>;

/**
 * The only time the invitation's link is shown: `acceptUrl` is a path on the console
 * (`/accept-invitation?token=…`) to send to the invitee.
 */
export const ZCreatedInvitation = ZInvitation.extend({ acceptUrl: z.string() }).openapi('CreatedInvitation');
export type TCreatedInvitation = z.infer<typeof ZCreatedInvitation>;

/**
 * Accepting an invitation. Without an account for the invitation's email, one is created with this name and
 * password; with one, `password` must be that account's password (and `name` is left as it was).
 */
export const ZAcceptInvitation = z
  .object({
    token: z.string().min(1).max(200),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
  })
  .openapi('AcceptInvitation');
export type TAcceptInvitation = z.infer<typeof ZAcceptInvitation>;

export const ZUpdateMember = z.object({ role: ZRole }).openapi('UpdateMember');
export type TUpdateMember = z.infer<typeof ZUpdateMember>;

/** The problem `type` of an accept refused because the email has an account and the password was not its. */
export const EXISTING_ACCOUNT_PROBLEM = 'https://aispm.dev/problems/existing-account';
