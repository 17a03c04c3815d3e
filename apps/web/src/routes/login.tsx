import { Button, Divider, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ZLogin } from '@aispm/contracts';
import { useLogin } from '../api/auth.hooks';
import { AuthPage } from '../components/auth-page';
import { ProblemAlert } from '../components/problem-alert';
import { SsoErrorAlert, SsoSignInButton } from '../components/sso-sign-in';
import { useFieldErrors, type FieldErrors } from '../lib/field-errors';

type Field = 'email' | 'password';

/**
 * Where to go after signing in: the page that sent the user here, but only a path on this origin, so a
 * crafted link cannot use the sign-in page to bounce someone to another site.
 */
function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  const url = new URL(next, window.location.origin);
  if (url.origin !== window.location.origin || url.pathname === '/login') return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

export default function LoginPage() {
  useDocumentTitle('Sign in · aispm');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const fields = useFieldErrors<Field>();
  const ssoError = params.get('sso_error');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    const parsed = ZLogin.safeParse({ email: email.trim(), password });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'email')
          found.email = email.trim() ? 'Enter a valid email address' : 'Enter your email';
        if (field === 'password') found.password = 'Enter your password';
      }
    }
    fields.setErrors(found);
    if (!parsed.success) return;
    login.mutate(parsed.data, {
      onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }),
    });
  };

  return (
    <AuthPage width={400}>
      <form onSubmit={submit} noValidate aria-label="Sign in">
        <Stack gap="md">
          <Title order={2} size="h3">
            Sign in
          </Title>
          <TextInput
            label="Email"
            type="email"
            {...fields.text('email', email, setEmail)}
            autoComplete="username"
            autoFocus
          />
          <PasswordInput
            label="Password"
            {...fields.text('password', password, setPassword)}
            autoComplete="current-password"
          />
          {ssoError && login.isIdle ? <SsoErrorAlert code={ssoError} /> : null}
          {login.isError ? <ProblemAlert error={login.error} title="Could not sign in" /> : null}
          <Button type="submit" loading={login.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>

      <Divider label="or" labelPosition="center" my="lg" />
      <SsoSignInButton next={safeNext(params.get('next'))} />
    </AuthPage>
  );
}
