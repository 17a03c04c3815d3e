import { SIM_ACCOUNT_ID } from '../estate';

/** Demo credentials the simulator accepts with full SageMaker access. Deliberately not shaped like real keys. */
export const SIM_AWS_ACCESS_KEY_ID = 'SIMDEMOACCESSKEY0001';
export const SIM_AWS_SECRET_ACCESS_KEY = 'sim-demo-secret-not-a-real-aws-key';

/** A recognised identity with no SageMaker permission, for testing the access-denied path. */
export const SIM_READONLY_ACCESS_KEY_ID = 'SIMREADONLYNOSM0001';
export const SIM_READONLY_SECRET_ACCESS_KEY = 'sim-readonly-secret-not-a-real-aws-key';

export interface SimIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  userArn: string;
  /** Whether IAM would allow SageMaker actions for this identity. */
  sagemakerAllowed: boolean;
}

export const SIM_IDENTITIES: readonly SimIdentity[] = [
  {
    accessKeyId: SIM_AWS_ACCESS_KEY_ID,
    secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
    userArn: `arn:aws:iam::${SIM_ACCOUNT_ID}:user/sim-demo-scanner`,
    sagemakerAllowed: true,
  },
  {
    accessKeyId: SIM_READONLY_ACCESS_KEY_ID,
    secretAccessKey: SIM_READONLY_SECRET_ACCESS_KEY,
    userArn: `arn:aws:iam::${SIM_ACCOUNT_ID}:user/sim-readonly-auditor`,
    sagemakerAllowed: false,
  },
];

export function findIdentity(accessKeyId: string): SimIdentity | undefined {
  return SIM_IDENTITIES.find((i) => i.accessKeyId === accessKeyId);
}
