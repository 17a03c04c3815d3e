import { describe, expect, it } from 'vitest';
import { isUnderS3Path, trainingJobNameCandidate } from './sagemaker-lineage';

describe('trainingJobNameCandidate', () => {
  it('reads the job name from the layout SageMaker writes artifacts in', () => {
    expect(
      trainingJobNameCandidate(
        's3://sagemaker-us-east-1-123456789012/fraud-xgboost/output/fraud-xgboost-2025-03-14-09-12-33-123/output/model.tar.gz',
      ),
    ).toBe('fraud-xgboost-2025-03-14-09-12-33-123');
    expect(trainingJobNameCandidate('s3://bucket/job-1/output/model.tar.gz')).toBe('job-1');
  });

  it('gives nothing for other layouts or names SageMaker would refuse', () => {
    expect(trainingJobNameCandidate(undefined)).toBeUndefined();
    expect(trainingJobNameCandidate('s3://ml-artifacts/imported/churn/model.tar.gz')).toBeUndefined();
    expect(trainingJobNameCandidate('s3://bucket/job_1/output/model.tar.gz')).toBeUndefined();
    expect(trainingJobNameCandidate('https://bucket/job-1/output/model.tar.gz')).toBeUndefined();
    expect(trainingJobNameCandidate(`s3://bucket/${'a'.repeat(64)}/output/model.tar.gz`)).toBeUndefined();
  });
});

describe('isUnderS3Path', () => {
  it('matches whole path segments only', () => {
    expect(isUnderS3Path('s3://b/p/output/job/output/model.tar.gz', 's3://b/p/output')).toBe(true);
    expect(isUnderS3Path('s3://b/p/output/job/output/model.tar.gz', 's3://b/p/output/')).toBe(true);
    expect(isUnderS3Path('s3://b/p/output-old/job/output/model.tar.gz', 's3://b/p/output')).toBe(false);
  });
});
