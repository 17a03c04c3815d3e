import { Alert, Button, Text } from '@mantine/core';
import { IconAlertCircle, IconKey } from '@tabler/icons-react';
import { ZSsoError, type TSsoError } from '@aispm/contracts';
import { ssoStartUrl, useSsoEnabled } from '../api/sso.hooks';

const MESSAGES: Record<TSsoError, string> = {
  not_configured: 'Single sign-on is not configured on this instance. Sign in with your password.',
  idp_unavailable:
    'The identity provider could not be reached. Try again later, or sign in with your password.',
  state_invalid:
    'The sign-in took too long or was not started from this browser. Start again with “Sign in with SSO”.',
  denied: 'The identity provider did not sign you in.',
  exchange_failed:
    'The identity provider’s answer could not be verified. Start again with “Sign in with SSO”.',
  email_unverified:
    'Your identity provider did not confirm your email address, so it cannot be matched to an aispm account.',
  no_account:
    'There is no aispm account with your email address in any organization. Single sign-on does not create accounts: ask an owner or admin of your organization to add you.',
};

/** Why single sign-on sent the user back to the sign-in page (`?sso_error=<code>`), in words. */
export function SsoErrorAlert({ code }: { code: string }) {
  const known = ZSsoError.safeParse(code);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle />}
      title="Could not sign in with SSO"
      role="alert"
    >
      <Text size="sm">{known.success ? MESSAGES[known.data] : 'Single sign-on did not sign you in.'}</Text>
    </Alert>
  );
}

/** Enabled when the API says single sign-on is configured; `next` is where to land after signing in. */
export function SsoSignInButton({ next }: { next: string }) {
  const enabled = useSsoEnabled();
  return (
    <Button
      variant="default"
      fullWidth
      disabled={enabled.data !== true}
      leftSection={<IconKey size={16} />}
      onClick={() => window.location.assign(ssoStartUrl(next))}
    >
      {enabled.data === false
        ? 'Sign in with SSO (not configured)'
        : enabled.isError
          ? 'Sign in with SSO (unavailable)'
          : 'Sign in with SSO'}
    </Button>
  );
}
