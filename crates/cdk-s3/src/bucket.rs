//! The bucket construct (`aws-s3/lib/bucket.ts`, with the grants of `bucket-grants.ts`).

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::{
    cfn_format, BuildError, Construct, CustomResource, CustomResourceProps, CustomResourceProvider,
    CustomResourceProviderProps, Error, Node, RemovalPolicy, Tags, Value,
};
use cdk_iam::{Effect, Grant, IGrantable, PolicyStatement, Principal};
use cdk_kms::{grant_on_key, IKey, Key, KeyProps};
use cfn_s3::{CfnBucket, CfnBucketProps};

use crate::perms::{
    BUCKET_DELETE_ACTIONS, BUCKET_PUT_ACTIONS, BUCKET_PUT_POLICY_ACTIONS, BUCKET_READ_ACTIONS,
    BUCKET_READ_METADATA_ACTIONS, KEY_READ_ACTIONS, KEY_WRITE_ACTIONS,
    S3_PUBLIC_ACCESS_BLOCKED_BY_DEFAULT,
};
use crate::rule::{cfn_object, CorsRule, LifecycleRule};
use crate::BucketPolicy;

/// The resource type of the custom resource that empties a bucket
/// (`AUTO_DELETE_OBJECTS_RESOURCE_TYPE`).
const AUTO_DELETE_OBJECTS_RESOURCE_TYPE: &str = "Custom::S3AutoDeleteObjects";
/// The tag that tells the handler the bucket may be emptied (`AUTO_DELETE_OBJECTS_TAG`).
const AUTO_DELETE_OBJECTS_TAG: &str = "aws-cdk:auto-delete-objects";
/// aws-cdk-lib's handler of `Custom::S3AutoDeleteObjects` (see `assets/NOTICE`).
static AUTO_DELETE_OBJECTS_HANDLER: [(&str, &[u8]); 1] =
    [("index.js", include_bytes!("../assets/auto-delete-objects-handler/index.js"))];

/// How objects are encrypted at rest (`BucketEncryption`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BucketEncryption {
    /// No encryption configured (S3 then applies its own default).
    #[doc(alias = "UNENCRYPTED")]
    Unencrypted,
    /// SSE-KMS with the AWS managed key `aws/s3`.
    #[doc(alias = "KMS_MANAGED")]
    KmsManaged,
    /// SSE-S3 (`AES256`).
    #[doc(alias = "S3_MANAGED")]
    S3Managed,
    /// SSE-KMS with a customer managed key: the one given, else a new key `Key` under the
    /// bucket (with rotation).
    #[doc(alias = "KMS")]
    Kms,
    /// DSSE-KMS with the AWS managed key.
    #[doc(alias = "DSSE_MANAGED")]
    DsseManaged,
    /// DSSE-KMS with a customer managed key: the one given, else a new key `Key`.
    #[doc(alias = "DSSE")]
    Dsse,
}

impl BucketEncryption {
    /// CDK's name of the value (`S3_MANAGED`), as its messages print it.
    pub fn as_str(self) -> &'static str {
        match self {
            BucketEncryption::Unencrypted => "UNENCRYPTED",
            BucketEncryption::KmsManaged => "KMS_MANAGED",
            BucketEncryption::S3Managed => "S3_MANAGED",
            BucketEncryption::Kms => "KMS",
            BucketEncryption::DsseManaged => "DSSE_MANAGED",
            BucketEncryption::Dsse => "DSSE",
        }
    }
}

/// Which kinds of public access are blocked (`BlockPublicAccess`); unset fields are not
/// rendered, or (under `@aws-cdk/aws-s3:publicAccessBlockedByDefault`) blocked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct BlockPublicAccess {
    /// Reject public ACLs on new objects and buckets.
    pub block_public_acls: Option<bool>,
    /// Reject bucket policies granting public access.
    pub block_public_policy: Option<bool>,
    /// Ignore public ACLs.
    pub ignore_public_acls: Option<bool>,
    /// Restrict access to a bucket with a public policy to AWS principals of the account.
    pub restrict_public_buckets: Option<bool>,
}

impl BlockPublicAccess {
    /// Everything blocked.
    pub const BLOCK_ALL: BlockPublicAccess = BlockPublicAccess {
        block_public_acls: Some(true),
        block_public_policy: Some(true),
        ignore_public_acls: Some(true),
        restrict_public_buckets: Some(true),
    };
    /// Public ACLs blocked and ignored; policies left unset.
    pub const BLOCK_ACLS: BlockPublicAccess = BlockPublicAccess {
        block_public_acls: Some(true),
        block_public_policy: None,
        ignore_public_acls: Some(true),
        restrict_public_buckets: None,
    };
    /// Public ACLs blocked and ignored; public policies explicitly allowed.
    pub const BLOCK_ACLS_ONLY: BlockPublicAccess = BlockPublicAccess {
        block_public_acls: Some(true),
        block_public_policy: Some(false),
        ignore_public_acls: Some(true),
        restrict_public_buckets: Some(false),
    };

    /// A custom setting (CDK's `new BlockPublicAccess({...})`).
    pub fn new(
        block_public_acls: impl Into<Option<bool>>,
        block_public_policy: impl Into<Option<bool>>,
        ignore_public_acls: impl Into<Option<bool>>,
        restrict_public_buckets: impl Into<Option<bool>>,
    ) -> BlockPublicAccess {
        BlockPublicAccess {
            block_public_acls: block_public_acls.into(),
            block_public_policy: block_public_policy.into(),
            ignore_public_acls: ignore_public_acls.into(),
            restrict_public_buckets: restrict_public_buckets.into(),
        }
    }

    fn render(self, blocked_by_default: bool) -> Value {
        let get = |v: Option<bool>| match (v, blocked_by_default) {
            (Some(b), _) => Some(Value::from(b)),
            (None, true) => Some(Value::from(true)),
            (None, false) => None,
        };
        cfn_object(vec![
            ("BlockPublicAcls", get(self.block_public_acls)),
            ("BlockPublicPolicy", get(self.block_public_policy)),
            ("IgnorePublicAcls", get(self.ignore_public_acls)),
            ("RestrictPublicBuckets", get(self.restrict_public_buckets)),
        ])
    }
}

/// Options of a [`Bucket`] (`BucketProps`).
///
/// Not ported: server access logs, notifications,
/// object lock, replication, inventories, metrics, intelligent tiering, transitions,
/// `objectOwnership` and `accessControl`.
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct BucketProps {
    /// The bucket's name. Default: generated by CloudFormation.
    #[builder(default)]
    pub bucket_name: Option<Value>,
    /// What happens when the bucket leaves the stack. Default: [`RemovalPolicy::Retain`].
    #[builder(default)]
    pub removal_policy: Option<RemovalPolicy>,
    /// Whether objects are versioned. Default: no.
    #[builder(default)]
    pub versioned: Option<bool>,
    /// Encryption at rest. Default: [`BucketEncryption::Kms`] when an `encryption_key` is
    /// given, else [`BucketEncryption::Unencrypted`].
    #[builder(default)]
    pub encryption: Option<BucketEncryption>,
    /// The KMS key of [`BucketEncryption::Kms`] or [`BucketEncryption::Dsse`]. Default: a new
    /// key `Key` under the bucket.
    #[builder(default, setter(custom))]
    pub encryption_key: Option<Rc<dyn IKey>>,
    /// Whether S3 Bucket Keys reduce KMS calls (needs encryption). Default: S3's (off).
    #[builder(default)]
    pub bucket_key_enabled: Option<bool>,
    /// Which public access is blocked. Default: none rendered (S3 blocks all public access
    /// of new buckets).
    #[builder(default)]
    pub block_public_access: Option<BlockPublicAccess>,
    /// Lifecycle rules. Default: none.
    #[builder(default, setter(custom))]
    pub lifecycle_rules: Vec<LifecycleRule>,
    /// CORS rules. Default: none.
    #[builder(default, setter(custom))]
    pub cors: Vec<CorsRule>,
    /// The index document of a static website (`index.html`). Default: not a website.
    #[builder(default)]
    pub website_index_document: Option<String>,
    /// The error document of a static website (needs an index document). Default: none.
    #[builder(default)]
    pub website_error_document: Option<String>,
    /// Whether requests without TLS are denied by the bucket policy. Default: no.
    #[builder(default)]
    pub enforce_ssl: Option<bool>,
    /// The lowest TLS version accepted (needs `enforce_ssl`), such as `1.2`. Default: any.
    #[builder(default, setter(into = false))]
    pub minimum_tls_version: Option<f64>,
    /// Whether anybody may read the objects (`s3:GetObject` for `*` in the bucket policy);
    /// needs a `block_public_access` that allows public policies. Default: no.
    #[builder(default)]
    pub public_read_access: Option<bool>,
    /// Whether the bucket's objects are deleted when the bucket is removed from the stack or
    /// the stack is deleted (needs [`RemovalPolicy::Destroy`]): a `Custom::S3AutoDeleteObjects`
    /// resource, whose stack-wide provider function the bucket policy lets empty the bucket,
    /// and the tag `aws-cdk:auto-delete-objects` on the bucket. Default: no.
    #[builder(default)]
    pub auto_delete_objects: Option<bool>,
}
cdk_core::impl_props!(BucketProps, BucketPropsBuilder);

impl BucketPropsBuilder {
    /// The KMS key of [`BucketEncryption::Kms`] (any [`IKey`], by reference).
    /// Default: a new key `Key` under the bucket.
    pub fn encryption_key<K: IKey + Clone + 'static>(mut self, key: &K) -> Self {
        self.encryption_key = Some(Some(Rc::new(key.clone())));
        self
    }

    /// Lifecycle rules (any list), after those given before. Default: none.
    pub fn lifecycle_rules(mut self, rules: impl IntoIterator<Item = LifecycleRule>) -> Self {
        self.lifecycle_rules.get_or_insert_with(Vec::new).extend(rules);
        self
    }

    /// CORS rules (any list), after those given before. Default: none.
    pub fn cors(mut self, rules: impl IntoIterator<Item = CorsRule>) -> Self {
        self.cors.get_or_insert_with(Vec::new).extend(rules);
        self
    }
}

/// An S3 bucket (`s3.Bucket`).
#[derive(Clone, Debug)]
pub struct Bucket {
    node: Node,
    resource: CfnBucket,
    encryption_key: Option<Rc<dyn IKey>>,
    policy: Rc<RefCell<Option<BucketPolicy>>>,
    disallow_public_access: bool,
}

impl Construct for Bucket {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Bucket {
    /// Defines a bucket.
    ///
    /// # Errors
    /// [`Error::Build`] (naming the bucket's path) for a key without KMS encryption, a bucket
    /// key without encryption, an invalid lifecycle rule, or an error document without an
    /// index document; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<BucketProps>,
    ) -> Result<Bucket, Error> {
        let path = scope.node().child_path(id);
        let props = props.into_props_at(&path)?;
        let build_err = |source| Error::Build { path: path.clone(), source };
        let auto_delete_objects = props.auto_delete_objects == Some(true);
        if auto_delete_objects && props.removal_policy != Some(RemovalPolicy::Destroy) {
            return Err(Error::InvalidArgument {
                path,
                message: "Cannot use 'autoDeleteObjects' property on a bucket without setting \
                          removal policy to 'DESTROY'."
                    .into(),
            });
        }
        let encryption = props.encryption.unwrap_or(if props.encryption_key.is_some() {
            BucketEncryption::Kms
        } else {
            BucketEncryption::Unencrypted
        });
        check_encryption(&props, encryption).map_err(build_err)?;
        let lifecycle: Vec<Value> = props
            .lifecycle_rules
            .iter()
            .map(LifecycleRule::render)
            .collect::<Result<_, _>>()
            .map_err(build_err)?;
        let website = website(&props).map_err(build_err)?;

        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_s3.Bucket");
        // `parseEncryption`.
        let mut encryption_key = props.encryption_key.clone();
        if encryption_key.is_none()
            && matches!(encryption, BucketEncryption::Kms | BucketEncryption::Dsse)
        {
            let mut key = KeyProps::builder().description(format!("Created by {path}"));
            if encryption == BucketEncryption::Kms {
                key = key.enable_key_rotation(true);
            }
            encryption_key = Some(Rc::new(Key::new(&node, "Key", key)?));
        }
        let algorithm = match encryption {
            BucketEncryption::Unencrypted => None,
            BucketEncryption::S3Managed => Some("AES256"),
            BucketEncryption::Kms | BucketEncryption::KmsManaged => Some("aws:kms"),
            BucketEncryption::Dsse | BucketEncryption::DsseManaged => Some("aws:kms:dsse"),
        };
        let bucket_encryption = algorithm.map(|algorithm| {
            let by_default = cfn_object(vec![
                ("KMSMasterKeyID", encryption_key.as_ref().map(|k| k.key_arn())),
                ("SSEAlgorithm", Some(Value::from(algorithm))),
            ]);
            let rule = cfn_object(vec![
                ("BucketKeyEnabled", props.bucket_key_enabled.map(Value::from)),
                ("ServerSideEncryptionByDefault", Some(by_default)),
            ]);
            Value::object([("ServerSideEncryptionConfiguration", Value::Array(vec![rule]))])
        });

        let mut l1 = CfnBucketProps::default();
        l1.bucket_name = props.bucket_name;
        l1.bucket_encryption = bucket_encryption;
        l1.versioning_configuration =
            (props.versioned == Some(true)).then(|| Value::object([("Status", "Enabled")]));
        l1.lifecycle_configuration =
            (!lifecycle.is_empty()).then(|| Value::object([("Rules", Value::Array(lifecycle))]));
        l1.website_configuration = website;
        l1.public_access_block_configuration = props
            .block_public_access
            .map(|b| b.render(node.feature_flag(S3_PUBLIC_ACCESS_BLOCKED_BY_DEFAULT)));
        let disallow_public_access = l1
            .public_access_block_configuration
            .as_ref()
            .and_then(Value::as_object)
            .and_then(|o| o.get("BlockPublicPolicy"))
            == Some(&Value::from(true));
        l1.cors_configuration = (!props.cors.is_empty()).then(|| {
            Value::object([(
                "CorsRules",
                Value::Array(props.cors.iter().map(CorsRule::render).collect()),
            )])
        });
        let resource = CfnBucket::new(&node, "Resource", l1)?;
        resource.apply_removal_policy(props.removal_policy.unwrap_or(RemovalPolicy::Retain));
        let bucket = Bucket {
            node,
            resource,
            encryption_key,
            policy: Rc::default(),
            disallow_public_access,
        };
        if props.enforce_ssl == Some(true) {
            bucket.add_to_resource_policy(
                deny_all(&bucket)
                    .conditions_object("Bool", Value::object([("aws:SecureTransport", "false")])),
            )?;
            if let Some(version) = props.minimum_tls_version {
                bucket.add_to_resource_policy(deny_all(&bucket).conditions_object(
                    "NumericLessThan",
                    Value::object([("s3:TlsVersion", version)]),
                ))?;
            }
        }
        if props.public_read_access == Some(true) {
            bucket.grant_public_access(None, [])?;
        }
        if auto_delete_objects {
            bucket.enable_auto_delete_objects()?;
        }
        Ok(bucket)
    }

    /// `enableAutoDeleteObjects` (the `BucketAutoDeleteObjects` mixin): the bucket policy
    /// (created first), the stack's `Custom::S3AutoDeleteObjects` provider, the statement
    /// that lets the provider's role empty the bucket, the custom resource (after the
    /// policy) and the tag.
    fn enable_auto_delete_objects(&self) -> Result<(), Error> {
        // `maybeAutoCreatePolicy`
        let policy = self.ensure_policy()?;
        let provider = CustomResourceProvider::get_or_create(
            &self.node,
            AUTO_DELETE_OBJECTS_RESOURCE_TYPE,
            CustomResourceProviderProps::builder()
                .code(&AUTO_DELETE_OBJECTS_HANDLER)
                .use_cfn_response_wrapper(false)
                .description(cfn_format!(
                    "Lambda function for auto-deleting objects in {} S3 bucket.",
                    self.bucket_name()
                )),
        )?;
        let actions = BUCKET_PUT_POLICY_ACTIONS
            .iter()
            .chain(&BUCKET_READ_METADATA_ACTIONS)
            .chain(&BUCKET_DELETE_ACTIONS)
            .copied();
        policy.add_statements([PolicyStatement::new()
            .actions(actions)
            .resources([self.bucket_arn(), self.arn_for_objects("*")])
            .principals([Principal::arn(provider.role_arn())])]);
        let custom_resource = CustomResource::new(
            &self.node,
            "AutoDeleteObjectsCustomResource",
            CustomResourceProps::builder()
                .resource_type(AUTO_DELETE_OBJECTS_RESOURCE_TYPE)
                .service_token(provider.service_token())
                .properties([("BucketName", self.bucket_name())]),
        )?;
        custom_resource.node().add_dependency(&policy);
        Tags::of(&self.resource).add(AUTO_DELETE_OBJECTS_TAG, "true");
        Ok(())
    }

    /// The bucket policy, created (`Policy` under the bucket) if there is none yet.
    fn ensure_policy(&self) -> Result<BucketPolicy, Error> {
        let mut slot = self.policy.borrow_mut();
        if let Some(policy) = slot.as_ref() {
            return Ok(policy.clone());
        }
        let policy = BucketPolicy::new(&self.node, "Policy", self.bucket_name(), None)?;
        *slot = Some(policy.clone());
        Ok(policy)
    }

    /// The bucket policy, once a statement was added to it.
    pub fn policy(&self) -> Option<BucketPolicy> {
        self.policy.borrow().clone()
    }

    /// Adds a statement to the bucket policy (`addToResourcePolicy`), creating the policy
    /// (`Policy` under the bucket) on first use.
    ///
    /// # Errors
    /// Id errors when the policy is created.
    pub fn add_to_resource_policy(&self, statement: PolicyStatement) -> Result<(), Error> {
        self.ensure_policy()?.add_statements([statement]);
        Ok(())
    }

    /// Lets anybody perform `allowed_actions` (default: `s3:GetObject`) on the objects
    /// matching `key_prefix` (default: `*`) through the bucket policy (`grantPublicAccess`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the bucket blocks public policies
    /// (`blockPublicPolicy`); id errors when the policy is created.
    pub fn grant_public_access<'a>(
        &self,
        key_prefix: impl Into<Option<&'a str>>,
        allowed_actions: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), Error> {
        if self.disallow_public_access {
            return Err(Error::InvalidArgument {
                path: self.node.path(),
                message: "Cannot grant public access when 'blockPublicPolicy' is enabled".into(),
            });
        }
        let mut actions: Vec<&str> = allowed_actions.into_iter().collect();
        if actions.is_empty() {
            actions.push("s3:GetObject");
        }
        let prefix = key_prefix.into().unwrap_or("*");
        let statement = PolicyStatement::new()
            .actions(actions)
            .resources([self.arn_for_objects(prefix)])
            .principals([Principal::any()]);
        self.add_to_resource_policy(statement)
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnBucket {
        &self.resource
    }

    /// The bucket's name (`Ref`).
    pub fn bucket_name(&self) -> Value {
        self.resource.ref_()
    }

    /// The bucket's ARN (`Fn::GetAtt Arn`).
    pub fn bucket_arn(&self) -> Value {
        self.resource.attr_arn()
    }

    /// The bucket's domain name (`Fn::GetAtt DomainName`).
    pub fn bucket_domain_name(&self) -> Value {
        self.resource.attr_domain_name()
    }

    /// The bucket's regional domain name (`Fn::GetAtt RegionalDomainName`).
    pub fn bucket_regional_domain_name(&self) -> Value {
        self.resource.attr_regional_domain_name()
    }

    /// The bucket's dual-stack domain name (`Fn::GetAtt DualStackDomainName`).
    pub fn bucket_dual_stack_domain_name(&self) -> Value {
        self.resource.attr_dual_stack_domain_name()
    }

    /// The URL of the bucket's website (`Fn::GetAtt WebsiteURL`).
    pub fn bucket_website_url(&self) -> Value {
        self.resource.attr_website_url()
    }

    /// The KMS key of the bucket, when encrypted with a customer managed key.
    pub fn encryption_key(&self) -> Option<&Rc<dyn IKey>> {
        self.encryption_key.as_ref()
    }

    /// The ARN of objects matching a key pattern (`arnForObjects`): `<arn>/<pattern>`.
    pub fn arn_for_objects(&self, key_pattern: &str) -> Value {
        cfn_format!("{}/{}", self.bucket_arn(), key_pattern)
    }

    /// `putActions`: `@aws-cdk/aws-s3:grantWriteWithoutAcl` is always on in aws-cdk-lib v2.
    fn put_actions(&self) -> &'static [&'static str] {
        &BUCKET_PUT_ACTIONS
    }

    /// `writeActions`: delete, then put.
    fn write_actions(&self) -> Vec<&'static str> {
        BUCKET_DELETE_ACTIONS.iter().chain(self.put_actions()).copied().collect()
    }

    /// `BucketGrants.grant`: the bucket actions on `resources` in the grantee's policy, then
    /// the key actions on the bucket's key (when it has one).
    fn grant(
        &self,
        grantee: &impl IGrantable,
        bucket_actions: &[&str],
        key_actions: &[&str],
        resources: Vec<Value>,
    ) -> Result<(), Error> {
        Grant::add_to_principal(grantee, bucket_actions, resources)?;
        if let (Some(key), false) = (&self.encryption_key, key_actions.is_empty()) {
            grant_on_key(&**key, grantee, key_actions.iter().copied())?;
        }
        Ok(())
    }

    /// Lets `grantee` read the bucket and its objects matching `objects_key_pattern`
    /// (`grantRead`): [`BUCKET_READ_ACTIONS`](crate::perms::BUCKET_READ_ACTIONS) on the
    /// bucket and the objects, and decrypting with the bucket's key. Default pattern: `*`.
    ///
    /// # Errors
    /// Errors of [`IGrantable::add_to_principal_policy`].
    pub fn grant_read<'a>(
        &self,
        grantee: &impl IGrantable,
        objects_key_pattern: impl Into<Option<&'a str>>,
    ) -> Result<(), Error> {
        let pattern = objects_key_pattern.into().unwrap_or("*");
        self.grant(
            grantee,
            &BUCKET_READ_ACTIONS,
            &KEY_READ_ACTIONS,
            vec![self.bucket_arn(), self.arn_for_objects(pattern)],
        )
    }

    /// Lets `grantee` write and delete objects (`grantWrite`): `s3:DeleteObject*` and the put
    /// actions (without ACL changes: `@aws-cdk/aws-s3:grantWriteWithoutAcl` is always on in v2) on the
    /// bucket and the objects, and encrypting with the bucket's key. Default pattern: `*`.
    ///
    /// # Errors
    /// Errors of [`IGrantable::add_to_principal_policy`].
    pub fn grant_write<'a>(
        &self,
        grantee: &impl IGrantable,
        objects_key_pattern: impl Into<Option<&'a str>>,
    ) -> Result<(), Error> {
        let pattern = objects_key_pattern.into().unwrap_or("*");
        self.grant(
            grantee,
            &self.write_actions(),
            &KEY_WRITE_ACTIONS,
            vec![self.bucket_arn(), self.arn_for_objects(pattern)],
        )
    }

    /// Lets `grantee` read and write (`grantReadWrite`): the read actions then the write
    /// actions, and the key's read and write actions. Default pattern: `*`.
    ///
    /// # Errors
    /// Errors of [`IGrantable::add_to_principal_policy`].
    pub fn grant_read_write<'a>(
        &self,
        grantee: &impl IGrantable,
        objects_key_pattern: impl Into<Option<&'a str>>,
    ) -> Result<(), Error> {
        let pattern = objects_key_pattern.into().unwrap_or("*");
        let mut actions: Vec<&str> = BUCKET_READ_ACTIONS.to_vec();
        actions.extend(self.write_actions());
        let mut key_actions: Vec<&str> = KEY_READ_ACTIONS.to_vec();
        for a in KEY_WRITE_ACTIONS {
            if !key_actions.contains(&a) {
                key_actions.push(a);
            }
        }
        self.grant(
            grantee,
            &actions,
            &key_actions,
            vec![self.bucket_arn(), self.arn_for_objects(pattern)],
        )
    }

    /// Lets `grantee` put objects (`grantPut`): the put actions on the objects, and
    /// encrypting with the bucket's key. Default pattern: `*`.
    ///
    /// # Errors
    /// Errors of [`IGrantable::add_to_principal_policy`].
    pub fn grant_put<'a>(
        &self,
        grantee: &impl IGrantable,
        objects_key_pattern: impl Into<Option<&'a str>>,
    ) -> Result<(), Error> {
        let pattern = objects_key_pattern.into().unwrap_or("*");
        self.grant(
            grantee,
            self.put_actions(),
            &KEY_WRITE_ACTIONS,
            vec![self.arn_for_objects(pattern)],
        )
    }

    /// Lets `grantee` delete objects (`grantDelete`): `s3:DeleteObject*` on the objects.
    /// Default pattern: `*`.
    ///
    /// # Errors
    /// Errors of [`IGrantable::add_to_principal_policy`].
    pub fn grant_delete<'a>(
        &self,
        grantee: &impl IGrantable,
        objects_key_pattern: impl Into<Option<&'a str>>,
    ) -> Result<(), Error> {
        let pattern = objects_key_pattern.into().unwrap_or("*");
        self.grant(grantee, &BUCKET_DELETE_ACTIONS, &[], vec![self.arn_for_objects(pattern)])
    }
}

/// `enforceSSLStatement` / `minimumTLSVersionStatement` without their condition.
fn deny_all(bucket: &Bucket) -> PolicyStatement {
    PolicyStatement::new()
        .actions(["s3:*"])
        .effect(Effect::Deny)
        .resources([bucket.bucket_arn(), bucket.arn_for_objects("*")])
        .principals([Principal::any()])
}

/// The checks of `parseEncryption`, `EnforceEnabledMinimumVersionApplied` and
/// `CannotPublicReadAccessProperty`.
fn check_encryption(props: &BucketProps, encryption: BucketEncryption) -> Result<(), BuildError> {
    if props.minimum_tls_version.is_some() && props.enforce_ssl != Some(true) {
        return Err(BuildError::invalid_field(
            "minimum_tls_version",
            "'enforceSSL' must be enabled for 'minimumTLSVersion' to be applied",
        ));
    }
    if props.public_read_access == Some(true) && props.block_public_access.is_none() {
        return Err(BuildError::invalid_field(
            "public_read_access",
            "Cannot use 'publicReadAccess' property on a bucket without allowing bucket-level public access through 'blockPublicAccess' property.",
        ));
    }
    if props.encryption_key.is_some()
        && !matches!(encryption, BucketEncryption::Kms | BucketEncryption::Dsse)
    {
        return Err(BuildError::invalid_field(
            "encryption_key",
            format!(
                "encryptionKey is specified, so 'encryption' must be set to KMS or DSSE (value: {})",
                encryption.as_str()
            ),
        ));
    }
    if props.bucket_key_enabled == Some(true) && encryption == BucketEncryption::Unencrypted {
        return Err(BuildError::invalid_field(
            "bucket_key_enabled",
            format!(
                "bucketKeyEnabled is specified, so 'encryption' must be set to KMS, DSSE or S3 (value: {})",
                encryption.as_str()
            ),
        ));
    }
    Ok(())
}

/// `renderWebsiteConfiguration` for index and error documents.
fn website(props: &BucketProps) -> Result<Option<Value>, BuildError> {
    match (&props.website_index_document, &props.website_error_document) {
        (None, None) => Ok(None),
        (None, Some(_)) => Err(BuildError::invalid_field(
            "website_error_document",
            "\"websiteIndexDocument\" is required if \"websiteErrorDocument\" is set",
        )),
        (Some(index), error) => Ok(Some(cfn_object(vec![
            ("ErrorDocument", error.as_deref().map(Value::from)),
            ("IndexDocument", Some(Value::from(index.as_str()))),
        ]))),
    }
}

/// A bucket (`s3.IBucket`): created ([`Bucket`]) or imported ([`ImportedBucket`]).
pub trait IBucket: Construct + std::fmt::Debug {
    /// The bucket's name (`bucketName`).
    fn bucket_name(&self) -> Value;

    /// The bucket's ARN (`bucketArn`).
    fn bucket_arn(&self) -> Value;

    /// The S3 URL of an object (`s3UrlForObject`): `s3://<bucket name>/<key>`, one leading
    /// `/` of the key dropped; `s3://<bucket name>` without a key.
    fn s3_url_for_object(&self, key: Option<&str>) -> Value {
        match key {
            None => cfn_format!("s3://{}", self.bucket_name()),
            Some(key) => {
                let key = key.strip_prefix('/').unwrap_or(key);
                cfn_format!("s3://{}/{}", self.bucket_name(), key)
            }
        }
    }
}

impl IBucket for Bucket {
    fn bucket_name(&self) -> Value {
        Bucket::bucket_name(self)
    }
    fn bucket_arn(&self) -> Value {
        Bucket::bucket_arn(self)
    }
}

impl Bucket {
    /// Imports a bucket by name (`Bucket.fromBucketName`): a construct at `scope/id` that adds
    /// nothing to the template; its ARN is `arn:<partition>:s3:::<name>`.
    ///
    /// ```
    /// use cdk_core::{App, Stack};
    /// use cdk_s3::{Bucket, IBucket};
    /// let app = App::new();
    /// # app.skip_synth_check();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let bucket = Bucket::from_bucket_name(&stack, "Imported", "my-bucket")?;
    /// assert_eq!(bucket.bucket_name(), "my-bucket".into());
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an empty name ("Bucket name is required"); id errors
    /// from the tree.
    pub fn from_bucket_name(
        scope: &impl Construct,
        id: &str,
        bucket_name: impl Into<Value>,
    ) -> Result<ImportedBucket, Error> {
        let bucket_name = bucket_name.into();
        if bucket_name == Value::from("") {
            return Err(Error::InvalidArgument {
                path: scope.node().path(),
                message: "Bucket name is required".into(),
            });
        }
        let stack = cdk_core::Stack::of(scope)?;
        let mut arn = cdk_core::ArnComponents::new("s3", bucket_name.clone());
        arn.region = Some("".into());
        arn.account = Some("".into());
        let bucket_arn = stack.format_arn(&arn);
        let node = scope.node().add_child(id)?;
        Ok(ImportedBucket { node, bucket_name, bucket_arn })
    }
}

/// A bucket defined outside the app, from [`Bucket::from_bucket_name`] (CDK's
/// `ReferencedBucket`): its name and ARN.
#[derive(Clone, Debug)]
pub struct ImportedBucket {
    node: Node,
    bucket_name: Value,
    bucket_arn: Value,
}

impl Construct for ImportedBucket {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IBucket for ImportedBucket {
    fn bucket_name(&self) -> Value {
        self.bucket_name.clone()
    }
    fn bucket_arn(&self) -> Value {
        self.bucket_arn.clone()
    }
}

impl From<&Bucket> for Bucket {
    /// A handle to the same Bucket (handles are cheap to clone), so setters take `&x`.
    fn from(x: &Bucket) -> Bucket {
        x.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encryption_rules() {
        let app = cdk_core::App::new();
        app.skip_synth_check();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let err =
            Bucket::new(&stack, "B", BucketProps::builder().bucket_key_enabled(true)).unwrap_err();
        assert!(err.to_string().contains("bucketKeyEnabled is specified"), "{err}");
        let key = Key::new(&stack, "K", KeyProps::default()).unwrap();
        let err = Bucket::new(
            &stack,
            "C",
            BucketProps::builder().encryption_key(&key).encryption(BucketEncryption::S3Managed),
        )
        .unwrap_err();
        assert!(err.to_string().contains("(value: S3_MANAGED)"), "{err}");
        assert!(stack.node().try_find_child("C").is_none());
        let b = Bucket::new(&stack, "D", BucketProps::builder().encryption_key(&key)).unwrap();
        assert!(b.encryption_key().is_some());
        assert!(b.node().try_find_child("Key").is_none());
    }

    #[test]
    fn website_needs_an_index() {
        let app = cdk_core::App::new();
        app.skip_synth_check();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let err = Bucket::new(&stack, "B", BucketProps::builder().website_error_document("e.html"))
            .unwrap_err();
        assert!(err.to_string().contains("websiteIndexDocument"), "{err}");
    }

    #[test]
    fn auto_delete_objects_needs_destroy() {
        let app = cdk_core::App::new();
        app.skip_synth_check();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let err =
            Bucket::new(&stack, "B", BucketProps::builder().auto_delete_objects(true)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Stack/B: Cannot use 'autoDeleteObjects' property on a bucket without setting removal \
             policy to 'DESTROY'."
        );
        assert!(stack.node().try_find_child("B").is_none());
    }

    #[test]
    fn auto_delete_objects_adds_the_custom_resource_policy_and_tag() {
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let destroy = || {
            BucketProps::builder().removal_policy(RemovalPolicy::Destroy).auto_delete_objects(true)
        };
        Bucket::new(&stack, "A", destroy()).unwrap();
        Bucket::new(&stack, "B", destroy()).unwrap();
        let t = stack.synthesize_template().unwrap();
        let resources = &t["Resources"];
        let custom = &resources["AAutoDeleteObjectsCustomResource5A5D9248"];
        assert_eq!(custom["Type"], "Custom::S3AutoDeleteObjects", "{t:#}");
        assert_eq!(custom["DependsOn"], serde_json::json!(["APolicy4CDCAC5C"]));
        assert_eq!(custom["Properties"]["BucketName"], serde_json::json!({"Ref": "ACCC8ACD5"}));
        assert_eq!(custom["DeletionPolicy"], "Delete");
        let tags = &resources["ACCC8ACD5"]["Properties"]["Tags"];
        assert_eq!(
            tags,
            &serde_json::json!([{"Key": "aws-cdk:auto-delete-objects", "Value": "true"}])
        );
        let statement =
            &resources["APolicy4CDCAC5C"]["Properties"]["PolicyDocument"]["Statement"][0];
        assert_eq!(
            statement["Action"],
            serde_json::json!([
                "s3:DeleteObject*",
                "s3:GetBucket*",
                "s3:List*",
                "s3:PutBucketPolicy"
            ])
        );
        let role_arn = serde_json::json!({"Fn::GetAtt": [
            "CustomS3AutoDeleteObjectsCustomResourceProviderRole3B1BD092", "Arn"]});
        assert_eq!(statement["Principal"]["AWS"], role_arn);
        // one provider for both buckets
        let handlers = resources
            .as_object()
            .unwrap()
            .values()
            .filter(|r| r["Type"] == "AWS::Lambda::Function")
            .count();
        assert_eq!(handlers, 1);
        let handler = &resources["CustomS3AutoDeleteObjectsCustomResourceProviderHandler9D90184F"];
        assert_eq!(handler["Properties"]["Handler"], "index.handler");
    }

    #[test]
    fn auto_delete_handler_fingerprint_is_aws_cdk_libs() {
        let vendored = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets")
            .join("auto-delete-objects-handler");
        assert_eq!(
            cdk_core::assets::fingerprint(&vendored).unwrap(),
            "6dba3da2af96b69a187d689b326e5272b9abc8671c0427845a8bed243e02877d"
        );
    }
}
