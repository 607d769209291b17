/**
 * cdk-nag (v3) wiring. v3 is a CDK policy-validation plugin: it runs during synthesis, after the
 * templates are written, and a violation of severity `error` fails the synth (in-process: an
 * exception; under the CLI: a report and exit code 1). Warnings are reported, not fatal — the
 * infra tests assert there are none.
 *
 * Acknowledgements use CDK's own `Validations.of(construct).acknowledge()`: always on the
 * narrowest construct, with the exact finding id (e.g. `AwsSolutions-IAM5[Resource::*]`), and a
 * reason that says why the finding is acceptable here.
 */
import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
// cdk-nag's own renderer of intrinsics in findings (not re-exported from the package root).
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

export function addNagChecks(app: IConstruct): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true });
  Validations.of(app).addPlugins(checks);
  return checks;
}

/**
 * Acknowledges one cdk-nag finding on one CloudFormation resource, with its reason. Given an L2
 * construct, the acknowledgement goes on its L1 resource (`node.defaultChild`), not on the L2: an
 * acknowledgement covers a construct's whole subtree (a role's would cover its default policy).
 */
export function acknowledge(construct: IConstruct, id: string, reason: string | readonly string[]): void {
  const text = typeof reason === 'string' ? reason : reason.join(' ');
  if (text.trim().length < 20) throw new Error(`acknowledgement of ${id} needs a real reason`);
  const resource = CfnResource.isCfnResource(construct) ? construct : construct.node.defaultChild;
  if (!resource || !CfnResource.isCfnResource(resource)) {
    throw new Error(`acknowledge ${id} on a resource: ${construct.node.path} has none`);
  }
  Validations.of(resource).acknowledge({ id, reason: text });
}

/**
 * The cdk-nag IAM5 finding id of a wildcard resource, e.g.
 * `AwsSolutions-IAM5[Resource::<PipelineFnFunctionD08A83FE.Arn>:*]`, computed from the same token
 * the policy statement uses, the way cdk-nag renders it. Only for resources of `scope`'s own
 * stack: cross-stack values become `Fn::ImportValue`s only later, during synthesis.
 */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  const rendered = flattenCfnReference(Stack.of(scope).resolve(resource));
  if (!rendered.includes('*')) throw new Error(`${rendered} has no wildcard to acknowledge`);
  return `AwsSolutions-IAM5[Resource::${rendered}]`;
}

/** The default policy of a role (where grants land), to acknowledge findings on it alone. */
export function defaultPolicyOf(role: IConstruct): IConstruct {
  const policy = role.node.tryFindChild('DefaultPolicy');
  if (!policy) throw new Error(`${role.node.path} has no default policy yet`);
  return policy;
}
