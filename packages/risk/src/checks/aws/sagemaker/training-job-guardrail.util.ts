/**
 * Training and processing jobs cannot be changed once started, and the Terraform AWS provider has no resource
 * for them: remediation is to rerun the job with the setting and to deny new jobs without it, with the
 * SageMaker condition keys in an IAM policy (or an SCP).
 */
export function denyJobsWithout(sid: string, condition: string): string {
  return (
    'resource "aws_iam_policy" "sagemaker_job_guardrail" {\n  name   = "sagemaker-job-guardrail"\n' +
    '  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n' +
    `      Sid       = "${sid}"\n      Effect    = "Deny"\n` +
    '      Action    = ["sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob", ' +
    '"sagemaker:CreateHyperParameterTuningJob"]\n      Resource  = "*"\n' +
    `      Condition = ${condition}\n    }]\n  })\n}`
  );
}
