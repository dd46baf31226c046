// S3 bucket policies (enforceSSL, minimumTLSVersion, publicReadAccess, grantPublicAccess)
// and KMS encryption with a created or given key, with grants on the key.
const cdk = require('aws-cdk-lib');
const s3 = require('aws-cdk-lib/aws-s3');
const kms = require('aws-cdk-lib/aws-kms');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
new s3.Bucket(stack, 'Secure', { enforceSSL: true, minimumTLSVersion: 1.2 });
const pub = new s3.Bucket(stack, 'Public', {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY,
  publicReadAccess: true,
});
pub.grantPublicAccess('public/*', 's3:GetObject', 's3:GetObjectVersion');
const kmsBucket = new s3.Bucket(stack, 'KmsBucket', { encryption: s3.BucketEncryption.KMS });
const writer = new iam.User(stack, 'Writer');
kmsBucket.grantReadWrite(writer);
const key = new kms.Key(stack, 'MyKey');
const withKey = new s3.Bucket(stack, 'WithKey', { encryptionKey: key, bucketKeyEnabled: true });
const reader = new iam.User(stack, 'Reader');
withKey.grantRead(reader);
withKey.grantPut(reader);
finish(app, __dirname);
