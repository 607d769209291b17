/**
 * Esip-Edge (us-east-1): the CLOUDFRONT-scoped AWS WAF web ACL and its logs. AWS creates such
 * web ACLs in us-east-1 only; the distribution that uses it is in Esip-App, in the deployment
 * region, and reads the ACL's ARN through a CDK cross-region reference (an SSM parameter written
 * in the App's region by a custom resource here, read by one there; `crossRegionReferences`).
 * When the deployment region is us-east-1 too, it is an ordinary CloudFormation export.
 * Deployed before Esip-App (CDK orders them); holds nothing stateful.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { EdgeFirewall, type WafLimits } from '../constructs/edge.ts';

export interface EdgeStackProps extends StackProps {
  readonly stage: string;
  readonly limits: WafLimits;
}

export class EdgeStack extends Stack {
  readonly firewall: EdgeFirewall;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    this.firewall = new EdgeFirewall(this, 'Firewall', { stage: props.stage, limits: props.limits });
    new CfnOutput(this, 'WebAclArn', { value: this.firewall.webAcl.attrArn });
  }

  get webAclArn(): string {
    return this.firewall.webAcl.attrArn;
  }
}
