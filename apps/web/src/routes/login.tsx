import { Box, Button, Center, Divider, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ZLogin } from '@aispm/contracts';
import { useLogin } from '../api/auth.hooks';
import { Brand } from '../components/app-layout';
import { ProblemAlert } from '../components/problem-alert';
import { SsoErrorAlert, SsoSignInButton } from '../components/sso-sign-in';

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
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const ssoError = params.get('sso_error');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const parsed = ZLogin.safeParse({ email: email.trim(), password });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'email')
          found.email = email.trim() ? 'Enter a valid email address' : 'Enter your email';
        if (field === 'password') found.password = 'Enter your password';
      }
    }
    setErrors(found);
    if (!parsed.success) return;
    login.mutate(parsed.data, {
      onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }),
    });
  };

  return (
    <Center mih="100dvh" bg="var(--app-main-bg)" p="md">
      <Box w="100%" maw={400}>
        <Box mb="lg">
          <Brand />
        </Box>
        <Paper p="xl" radius="md">
          <form onSubmit={submit} noValidate aria-label="Sign in">
            <Stack gap="md">
              <Title order={2} size="h3">
                Sign in
              </Title>
              <TextInput
                label="Email"
                type="email"
                value={email}
                onChange={(e) => {
                  setEmail(e.currentTarget.value);
                  setErrors(({ email: _removed, ...rest }) => rest);
                }}
                error={errors.email}
                autoComplete="username"
                autoFocus
              />
              <PasswordInput
                label="Password"
                value={password}
                onChange={(e) => {
                  setPassword(e.currentTarget.value);
                  setErrors(({ password: _removed, ...rest }) => rest);
                }}
                error={errors.password}
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
        </Paper>
      </Box>
    </Center>
  );
}
