// S3 buckets: props under the recommended flags and grants.
const cdk = require('aws-cdk-lib');
const s3 = require('aws-cdk-lib/aws-s3');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
new s3.Bucket(stack, 'Plain');
new s3.Bucket(stack, 'Full', {
  bucketName: 'my-full-bucket',
  versioned: true,
  encryption: s3.BucketEncryption.S3_MANAGED,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  removalPolicy: cdk.RemovalPolicy.DESTROY,
  lifecycleRules: [
    { id: 'expire', expiration: cdk.Duration.days(30), prefix: 'tmp/' },
    { abortIncompleteMultipartUploadAfter: cdk.Duration.days(7), noncurrentVersionExpiration: cdk.Duration.days(10) },
  ],
  cors: [{ allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.PUT], allowedOrigins: ['*'], allowedHeaders: ['*'], maxAge: 300 }],
});
new s3.Bucket(stack, 'Kms', { encryption: s3.BucketEncryption.KMS_MANAGED, bucketKeyEnabled: true });
new s3.Bucket(stack, 'BlockAcls', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
const grants = new s3.Bucket(stack, 'Grants');
const reader = new iam.User(stack, 'Reader');
grants.grantRead(reader);
const writer = new iam.User(stack, 'Writer');
grants.grantWrite(writer);
const rw = new iam.User(stack, 'ReadWriter');
grants.grantReadWrite(rw, 'data/*');
const putter = new iam.User(stack, 'Putter');
grants.grantPut(putter);
const deleter = new iam.User(stack, 'Deleter');
grants.grantDelete(deleter);
new cdk.CfnOutput(stack, 'Url', { value: grants.bucketWebsiteUrl });
new cdk.CfnOutput(stack, 'Domain', { value: grants.bucketRegionalDomainName });
finish(app, __dirname);
