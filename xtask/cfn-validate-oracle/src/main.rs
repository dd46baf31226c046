//! `cfn-validate-oracle FILE...`: runs AWS CloudFormation Validate (the engine aws-cdk-lib
//! runs at synthesis) on each template and prints each FATAL and ERROR finding as one
//! tab-separated line: `file  rule  logical id  property path  message`.

use cloudformation_validate::{
    validate_bytes_with_path, CompositeEngine, CompositeEngineConfig, SchemaValidator,
    ValidateConfig,
};

fn clean(s: &str) -> String {
    s.replace(['\t', '\n'], " ")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let schemas = SchemaValidator::default();
    let engine = CompositeEngine::new(CompositeEngineConfig::default())?;
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path)?;
        let report = validate_bytes_with_path(
            &engine,
            &schemas,
            &bytes,
            ValidateConfig::default(),
            path.clone(),
        )?;
        for d in &report.diagnostics {
            let severity = d.severity.to_string();
            if severity != "FATAL" && severity != "ERROR" {
                continue;
            }
            let logical_id = d.entity.as_ref().map(|e| e.logical_id.clone()).unwrap_or_default();
            println!(
                "{}\t{}\t{}\t{}\t{}",
                clean(&path),
                d.rule_id,
                clean(&logical_id),
                clean(d.property_path.as_deref().unwrap_or("")),
                clean(&d.message)
            );
        }
    }
    Ok(())
}
