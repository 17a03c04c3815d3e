/** SageMaker's resource name rule (training jobs, models, endpoints...). */
const SAGEMAKER_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

/**
 * The training job a model artifact URL may come from. SageMaker writes a job's artifact to
 * `<S3OutputPath>/<TrainingJobName>/output/model.tar.gz`, so this is a candidate only: the caller must confirm
 * it with DescribeTrainingJob (the job's returned S3ModelArtifacts equals the URL) before recording an edge.
 * Undefined when the URL does not have that shape.
 */
export function trainingJobNameCandidate(modelDataUrl: string | undefined): string | undefined {
  const match = /^s3:\/\/[^/]+\/(?:[^?#]*\/)?([^/]+)\/output\/model\.tar\.gz$/.exec(modelDataUrl ?? '');
  const name = match?.[1];
  return name !== undefined && SAGEMAKER_NAME.test(name) ? name : undefined;
}

/** Whether a model artifact URL lies under an output path, as a prefix of whole path segments. */
export function isUnderS3Path(url: string, prefix: string): boolean {
  const base = prefix.endsWith('/') ? prefix : `${prefix}/`;
  return url.startsWith(base);
}
