import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EXISTING_ACCOUNT_PROBLEM, MIN_PASSWORD_LENGTH, ZAcceptInvitation } from '@aispm/contracts';
import { ApiError } from '../api/client';
import { useAcceptInvitation } from '../api/members.hooks';
import { AuthPage } from '../components/auth-page';
import { ProblemAlert } from '../components/problem-alert';
import { useFieldErrors, type FieldErrors } from '../lib/field-errors';

type Field = 'name' | 'password' | 'confirmation';

/**
 * Where an invitation link lands (outside the app shell: the invitee has no session yet). A new invitee
 * chooses a name and password; someone whose email already has an account is asked for that password instead
 * (the API says so). Either way they are signed in and land in the organization that invited them.
 */
export default function AcceptInvitationPage() {
  useDocumentTitle('Accept invitation · aispm');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const fields = useFieldErrors<Field>();
  const existingAccount =
    accept.error instanceof ApiError && accept.error.problem.type === EXISTING_ACCOUNT_PROBLEM;
  // Once the API has said the email has an account, the name and confirmation no longer apply.
  const [hasAccount, setHasAccount] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (!hasAccount && !name.trim()) found.name = 'Enter your name';
    if (password.length < MIN_PASSWORD_LENGTH)
      found.password = `Use at least ${MIN_PASSWORD_LENGTH} characters`;
    else if (!hasAccount && confirmation !== password) found.confirmation = 'The passwords do not match';
    fields.setErrors(found);
    if (Object.keys(found).length > 0) return;
    // The API leaves an existing account's name as it is; it still needs one in the request.
    const parsed = ZAcceptInvitation.safeParse({ token, name: name.trim() || 'unchanged', password });
    if (!parsed.success) return;
    accept.mutate(parsed.data, {
      onSuccess: () => void navigate('/', { replace: true }),
      onError: (error) => {
        // Not a mistake yet: the invitee did not know. Ask for the existing password instead.
        if (!hasAccount && error instanceof ApiError && error.problem.type === EXISTING_ACCOUNT_PROBLEM) {
          setHasAccount(true);
          setPassword('');
          accept.reset();
        }
      },
    });
  };

  return (
    <AuthPage width={440}>
      {token ? (
        <form onSubmit={submit} noValidate aria-label="Accept invitation">
          <Stack gap="md">
            <Title order={2} size="h3">
              Accept your invitation
            </Title>
            {hasAccount ? (
              <Alert
                color="blue"
                variant="light"
                icon={<IconInfoCircle />}
                title="You already have an account"
              >
                Enter the password of your aispm account to add this organization to it.
              </Alert>
            ) : (
              <Text size="sm" c="dimmed">
                Choose your name and a password of at least {MIN_PASSWORD_LENGTH} characters. You will be
                signed in straight away.
              </Text>
            )}
            {hasAccount ? null : (
              <TextInput
                label="Name"
                {...fields.text('name', name, setName)}
                autoComplete="name"
                maxLength={200}
                autoFocus
              />
            )}
            <PasswordInput
              label="Password"
              {...fields.text('password', password, setPassword)}
              autoComplete={hasAccount ? 'current-password' : 'new-password'}
            />
            {hasAccount ? null : (
              <PasswordInput
                label="Confirm password"
                {...fields.text('confirmation', confirmation, setConfirmation)}
                autoComplete="new-password"
              />
            )}
            {accept.isError ? (
              <ProblemAlert
                error={accept.error}
                title={existingAccount ? 'Wrong password' : 'Could not accept the invitation'}
              />
            ) : null}
            <Button type="submit" loading={accept.isPending} fullWidth>
              Accept and sign in
            </Button>
          </Stack>
        </form>
      ) : (
        <Stack gap="md">
          <Title order={2} size="h3">
            Accept your invitation
          </Title>
          <Alert color="red" variant="light" title="This link is incomplete">
            It has no invitation token. Open the whole link you were sent, or ask for a new invitation.
          </Alert>
        </Stack>
      )}
      <Text size="sm" c="dimmed" ta="center" mt="lg">
        Already a member? <Link to="/login">Sign in</Link>
      </Text>
    </AuthPage>
  );
}
