//! The vendored specification: `cfn-spec/types.txt` and `cfn-spec/schemas/<service>/<Type>.json`.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value as Json;

use crate::Error;

/// The list of vendored resource types, one per line, relative to the spec folder.
pub const TYPES_FILE: &str = "types.txt";

/// A CloudFormation resource type name split into its parts: `AWS::S3::Bucket`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TypeName {
    /// The full name, `AWS::S3::Bucket`.
    pub full: String,
    /// The service namespace, `S3`.
    pub service: String,
    /// The resource name within the service, `Bucket`.
    pub resource: String,
}

impl TypeName {
    /// Parses `AWS::<Service>::<Resource>`.
    ///
    /// # Errors
    /// When the name does not have exactly three `::`-separated non-empty parts.
    pub fn parse(full: &str) -> Result<Self, Error> {
        let parts: Vec<&str> = full.split("::").collect();
        match parts.as_slice() {
            [org, service, resource]
                if !org.is_empty() && !service.is_empty() && !resource.is_empty() =>
            {
                Ok(TypeName {
                    full: full.to_string(),
                    service: (*service).to_string(),
                    resource: (*resource).to_string(),
                })
            }
            _ => Err(Error::new(format!("not a resource type name: {full:?}"))),
        }
    }

    /// The namespace without the resource: `AWS::S3`.
    pub fn namespace(&self) -> String {
        self.full.rsplit_once("::").map(|(ns, _)| ns.to_string()).unwrap_or_default()
    }

    /// Where the schema lives inside the spec folder: `schemas/s3/Bucket.json`.
    pub fn schema_path(&self) -> PathBuf {
        Path::new("schemas")
            .join(self.service.to_lowercase())
            .join(format!("{}.json", self.resource))
    }
}

/// Reads `types.txt`: one type per line; blank lines and `#` comments are skipped.
///
/// # Errors
/// When the file cannot be read or a line is not a type name.
pub fn read_types(spec_dir: &Path) -> Result<Vec<TypeName>, Error> {
    let path = spec_dir.join(TYPES_FILE);
    let text = fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    parse_types(&text)
}

/// Parses the contents of `types.txt` (see [`read_types`]).
///
/// # Errors
/// When a line is not a type name or a type is listed twice.
pub fn parse_types(text: &str) -> Result<Vec<TypeName>, Error> {
    let mut out: Vec<TypeName> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let t = TypeName::parse(line)?;
        if out.contains(&t) {
            return Err(Error::new(format!("{TYPES_FILE}: {line} is listed twice")));
        }
        out.push(t);
    }
    Ok(out)
}

/// Reads and parses the schema of one type.
///
/// # Errors
/// When the file is missing, is not JSON, or names another type.
pub fn read_schema(spec_dir: &Path, t: &TypeName) -> Result<Json, Error> {
    let path = spec_dir.join(t.schema_path());
    let text = fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let json: Json =
        serde_json::from_str(&text).map_err(|e| Error::new(format!("{}: {e}", path.display())))?;
    let declared = json.get("typeName").and_then(Json::as_str).unwrap_or("");
    if declared != t.full {
        return Err(Error::new(format!(
            "{}: typeName is {declared:?}, expected {:?}",
            path.display(),
            t.full
        )));
    }
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_split() {
        let t = TypeName::parse("AWS::ApiGateway::RestApi").expect("valid name");
        assert_eq!(t.service, "ApiGateway");
        assert_eq!(t.resource, "RestApi");
        assert_eq!(t.namespace(), "AWS::ApiGateway");
        assert_eq!(t.schema_path(), Path::new("schemas/apigateway/RestApi.json"));
        assert!(TypeName::parse("AWS::S3").is_err());
    }

    #[test]
    fn types_file_skips_comments_and_rejects_duplicates() {
        let ok = parse_types("# c\nAWS::S3::Bucket\n\nAWS::IAM::Role\n").expect("valid list");
        assert_eq!(ok.len(), 2);
        assert!(parse_types("AWS::S3::Bucket\nAWS::S3::Bucket\n").is_err());
    }
}
