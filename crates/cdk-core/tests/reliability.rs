//! Reliability: apps that aws-cdk-lib refuses are refused with its message, apps it accepts
//! synthesize, context is read as aws-cdk-lib reads it, and synthesis is idempotent.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use cdk_core::{App, AppProps, CfnResource, Construct, Error, Stack, Value};

fn app_with(name: &str, context: &[(&str, serde_json::Value)]) -> (App, PathBuf) {
    let dir = std::env::temp_dir().join("cdk-core-reliability").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let mut props = AppProps::builder().outdir(dir.clone());
    for (k, v) in context {
        props = props.context(k, v.clone());
    }
    (App::with_props(props.build().unwrap()), dir)
}

fn new_app(name: &str) -> (App, PathBuf) {
    app_with(name, &[])
}

fn topic(scope: &impl Construct, id: &str) -> CfnResource {
    CfnResource::new(scope, id, "AWS::SNS::Topic", Value::Null).unwrap()
}

fn read_all(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    out.sort();
    out
}

// Item 3: a second synth returns the first assembly; a modified tree is refused.

#[test]
fn second_synth_returns_the_first_assembly_and_writes_nothing() {
    let (app, dir) = new_app("synth-twice");
    let stack = Stack::new(&app, "Stack").unwrap();
    topic(&stack, "Topic");
    let first = app.synth().unwrap();
    let files = read_all(&dir);
    let second = app.synth().unwrap();
    assert_eq!(first, second);
    assert_eq!(files, read_all(&dir));
}

#[test]
fn synth_after_adding_constructs_is_refused_with_the_diff() {
    let (app, _) = new_app("synth-twice-modified");
    let stack = Stack::new(&app, "S").unwrap();
    topic(&stack, "R");
    app.synth().unwrap();
    topic(&stack, "New");
    let other = Stack::new(&app, "T").unwrap();
    topic(&other, "Q");
    let err = app.synth().unwrap_err();
    assert_eq!(err, Error::TreeModifiedAfterSynth { changes: vec!["+T".into(), "+S/New".into()] });
    assert_eq!(
        err.to_string(),
        "Synthesis has been called multiple times and the construct tree was modified after the \
         first synthesis (+T, +S/New) This is not allowed. Remove multple synth() calls and do \
         not modify the construct tree after the first synth()."
    );
}

// Item 4: cyclic stack dependencies are refused.

#[test]
fn cyclic_cross_stack_references_are_refused() {
    let (app, _) = new_app("cycle-refs");
    let a = Stack::new(&app, "A").unwrap();
    let b = Stack::new(&app, "B").unwrap();
    let bucket_a = CfnResource::new(&a, "Bucket", "AWS::S3::Bucket", Value::Null).unwrap();
    let bucket_b = CfnResource::new(&b, "Bucket", "AWS::S3::Bucket", Value::Null).unwrap();
    CfnResource::new(&a, "UseB", "AWS::SNS::Topic", Value::object([("N", bucket_b.ref_())]))
        .unwrap();
    CfnResource::new(
        &b,
        "UseA",
        "AWS::SNS::Topic",
        Value::object([("N", bucket_a.get_att("Arn"))]),
    )
    .unwrap();
    let err = app.synth().unwrap_err();
    assert!(matches!(err, Error::DependencyCycle { .. }), "{err:?}");
    assert_eq!(err.path(), Some("B"));
    assert_eq!(
        err.to_string(),
        "B: 'A' depends on 'B' (A -> B/Bucket.Ref). Adding this dependency \
         (B -> A/Bucket.Arn) would create a cyclic reference."
    );
}

#[test]
fn cyclic_stack_and_construct_dependencies_are_refused() {
    let (app, _) = new_app("cycle-deps");
    // empty stacks on purpose (the CloudFormation validation's F0001)
    cdk_core::Validations::of(&app)
        .acknowledge("CloudFormation-Validate::F0001", "empty stacks on purpose")
        .unwrap();
    let a = Stack::new(&app, "A").unwrap();
    let b = Stack::new(&app, "B").unwrap();
    a.add_dependency(&b, None).unwrap();
    // refused at the call, as aws-cdk-lib's `_addAssemblyDependency` throws
    let err = b.add_dependency(&a, None).unwrap_err();
    assert!(matches!(err, Error::DependencyCycle { .. }), "{err:?}");
    assert_eq!(err.path(), Some("B"));
    assert_eq!(
        err.to_string(),
        "B: 'A' depends on 'B' (<A>.addStackDependency(<B>)). Adding this dependency \
         (<B>.addStackDependency(<A>)) would create a cyclic reference."
    );
    // through a third stack, with the reasons along the chain
    let c = Stack::new(&app, "C").unwrap();
    b.add_dependency(&c, "b needs c").unwrap();
    let err = c.add_dependency(&a, "c needs a").unwrap_err();
    assert_eq!(
        err.to_string(),
        "C: 'A' depends on 'C' (<A>.addStackDependency(<B>), b needs c). Adding this \
         dependency (c needs a) would create a cyclic reference."
    );
    // the refused dependencies were not added: the app synthesizes
    app.synth().unwrap();

    let (app2, _) = new_app("cycle-construct-deps");
    let a = Stack::new(&app2, "A").unwrap();
    let b = Stack::new(&app2, "B").unwrap();
    a.add_dependency(&b, None).unwrap();
    let x = topic(&a, "X");
    let y = topic(&b, "Y");
    y.node().add_dependency(&x);
    let err = app2.synth().unwrap_err();
    assert_eq!(
        err.to_string(),
        "B: 'A' depends on 'B' (<A>.addStackDependency(<B>)). Adding this dependency \
         (<B/Y>.node.addDependency(<A/X>)) would create a cyclic reference."
    );
}

// Item 5: context read as aws-cdk-lib reads it.

#[test]
fn feature_flags_are_read_as_javascript_booleans() {
    use serde_json::json;
    const FLAG: &str = cdk_core::feature_flags::PATH_METADATA_ENABLE;
    for (value, on) in [
        (json!(0), false),
        (json!(null), false),
        (json!(""), false),
        (json!(false), false),
        (json!("false"), true),
        (json!("no"), true),
        (json!(1), true),
        (json!("true"), true),
        (json!([]), true),
    ] {
        let (app, _) = app_with("flags", &[(FLAG, value.clone())]);
        let stack = Stack::new(&app, "S").unwrap();
        let t = topic(&stack, "T");
        assert_eq!(t.metadata("aws:cdk:path").is_some(), on, "{value}");
        assert_eq!(stack.node().feature_flag(FLAG), on, "{value}");
    }
}

#[test]
fn a_flag_set_below_the_app_after_it_was_read_applies_below_that_construct() {
    const FLAG: &str = cdk_core::feature_flags::PATH_METADATA_ENABLE;
    let (app, _) = app_with("flags-below", &[(FLAG, serde_json::json!(false))]);
    let stack = Stack::new(&app, "S").unwrap();
    // read (and remembered) from the app's context
    assert!(topic(&stack, "Before").metadata("aws:cdk:path").is_none());
    assert!(!stack.node().feature_flag(FLAG));
    // set on a construct: it and what is below it read its value, the rest the app's
    let group = stack.node().add_child("Group").unwrap();
    group.set_context(FLAG, true).unwrap();
    assert!(group.feature_flag(FLAG));
    assert!(topic(&group, "Inside").metadata("aws:cdk:path").is_some());
    assert!(topic(&stack, "Outside").metadata("aws:cdk:path").is_none());
    assert!(!stack.node().feature_flag(FLAG));
    // and on the app itself, before it has children
    let fresh = App::new();
    assert!(fresh.node().feature_flag(FLAG));
    fresh.node().set_context(FLAG, false).unwrap();
    assert!(!fresh.node().feature_flag(FLAG));
    assert!(topic(&Stack::new(&fresh, "S").unwrap(), "T").metadata("aws:cdk:path").is_none());
}

fn limit_error(limit: serde_json::Value) -> Option<String> {
    let (app, _) = app_with("limit", &[(cdk_core::app::STACK_RESOURCE_LIMIT_CONTEXT, limit)]);
    let stack = Stack::new(&app, "S").unwrap();
    for i in 0..4 {
        let t = if i % 2 == 1 { "AWS::SNS::Topic" } else { "AWS::SQS::Queue" };
        CfnResource::new(&stack, &format!("R{i}"), t, Value::Null).unwrap();
    }
    match app.synth() {
        Ok(_) => None,
        Err(Error::Validation { messages }) => Some(messages[0].1.clone()),
        Err(other) => panic!("{other:?}"),
    }
}

#[test]
fn stack_resource_limit_is_parsed_as_parse_int_does() {
    use serde_json::json;
    let msg = |max: &str| {
        Some(format!(
            "Number of resources in stack 'S': 4 is greater than allowed maximum of {max}: \
             AWS::SQS::Queue (2), AWS::SNS::Topic (2)"
        ))
    };
    assert_eq!(limit_error(json!("10")), None);
    assert_eq!(limit_error(json!("3")), msg("3"));
    assert_eq!(limit_error(json!("3x")), msg("3"));
    assert_eq!(limit_error(json!(2.9)), msg("2"));
    assert_eq!(limit_error(json!([3])), msg("3"));
    assert_eq!(limit_error(json!(" 2")), msg("2"));
    for off in [json!("abc"), json!(null), json!(true), json!("-1"), json!(0), json!({})] {
        assert_eq!(limit_error(off.clone()), None, "{off}");
    }
}

// Item 1: a lazy value's producer may add constructs, as in aws-cdk-lib.

fn lazy_adding_a_queue(stack: &Stack) {
    let s = stack.clone();
    let name = Value::lazy(move |_| {
        CfnResource::new(&s, "Added", "AWS::SQS::Queue", Value::Null).unwrap();
        Some(Value::from("x"))
    });
    CfnResource::new(stack, "R", "AWS::SNS::Topic", Value::object([("TopicName", name)])).unwrap();
}

#[test]
fn a_producer_that_adds_a_construct_works() {
    let (app, dir) = new_app("lazy-adds");
    let stack = Stack::new(&app, "S").unwrap();
    lazy_adding_a_queue(&stack);
    app.synth().unwrap();
    // aws-cdk-lib 2.276.0's template for the same app (the new queue is in it).
    assert_eq!(
        std::fs::read_to_string(dir.join("S.template.json")).unwrap(),
        include_str!("data/lazy-adds-construct.S.template.json")
    );
    assert!(stack.node().try_find_child("Added").is_some());
    let tree = std::fs::read_to_string(dir.join("tree.json")).unwrap();
    assert!(tree.contains("\"path\":\"S/Added\""));
}

#[test]
fn a_producer_that_adds_a_construct_works_with_several_stacks() {
    let (app, dir) = new_app("lazy-adds-multi");
    let stack = Stack::new(&app, "S").unwrap();
    lazy_adding_a_queue(&stack);
    let other = Stack::new(&app, "Other").unwrap();
    topic(&other, "T");
    app.synth().unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.join("S.template.json")).unwrap(),
        include_str!("data/lazy-adds-construct.S.template.json")
    );
}

/// A stack whose template is written in several chunks (far more than the writer holds),
/// with `R` and `Added` at its end: `Added` created by `R`'s lazy name (when `lazy`), or
/// directly.
fn large_stack_ending_with_an_added_queue(app: &App, lazy: bool) -> Stack {
    let stack = Stack::new(app, "S").unwrap();
    for i in 0..3000 {
        let name = format!("topic-{i}-{}", "n".repeat(60));
        let props = Value::object([("TopicName", name)]);
        CfnResource::new(&stack, &format!("T{i}"), "AWS::SNS::Topic", props).unwrap();
    }
    if lazy {
        lazy_adding_a_queue(&stack);
    } else {
        let props = Value::object([("TopicName", "x")]);
        CfnResource::new(&stack, "R", "AWS::SNS::Topic", props).unwrap();
        CfnResource::new(&stack, "Added", "AWS::SQS::Queue", Value::Null).unwrap();
    }
    stack
}

#[test]
fn a_producer_adding_a_construct_late_in_a_streamed_template_gets_it_written_whole() {
    let no_limit = [("@aws-cdk/core:stackResourceLimit", serde_json::json!(0))];
    // More than 500 resources: the CloudFormation validation's F0007 is acknowledged.
    let over_500 = |stack: &Stack| {
        cdk_core::Validations::of(stack)
            .acknowledge("CloudFormation-Validate::F0007", "a large template on purpose")
            .unwrap()
    };
    let (lazy_app, lazy_dir) = app_with("lazy-adds-streamed", &no_limit);
    over_500(&large_stack_ending_with_an_added_queue(&lazy_app, true));
    lazy_app.synth().unwrap();
    let (plain_app, plain_dir) = app_with("lazy-adds-streamed-plain", &no_limit);
    over_500(&large_stack_ending_with_an_added_queue(&plain_app, false));
    plain_app.synth().unwrap();
    let written = std::fs::read_to_string(lazy_dir.join("S.template.json")).unwrap();
    assert!(written.len() > 1 << 19, "the template is written in several chunks");
    assert!(written == std::fs::read_to_string(plain_dir.join("S.template.json")).unwrap());
    // The template's hash (in the asset manifest) is the hash of the final text alone.
    assert_eq!(
        std::fs::read_to_string(lazy_dir.join("S.assets.json")).unwrap(),
        std::fs::read_to_string(plain_dir.join("S.assets.json")).unwrap()
    );

    // In memory as well.
    let (memory_app, memory_dir) = app_with("lazy-adds-streamed-memory", &no_limit);
    memory_app.skip_synth_check();
    let stack = large_stack_ending_with_an_added_queue(&memory_app, true);
    let template = stack.synthesize_template().unwrap();
    assert!(!memory_dir.exists(), "nothing is written in memory");
    let expected: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(template, expected);
}

#[test]
fn a_producer_adding_a_taken_id_gets_an_error_not_a_panic() {
    let (app, _) = new_app("lazy-adds-duplicate");
    let stack = Stack::new(&app, "S").unwrap();
    topic(&stack, "Taken");
    let s = stack.clone();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(None));
    let seen2 = seen.clone();
    let v = Value::lazy(move |_| {
        *seen2.borrow_mut() = Some(s.node().add_child("Taken").unwrap_err());
        Some(Value::from("x"))
    });
    CfnResource::new(&stack, "R", "AWS::SNS::Topic", Value::object([("TopicName", v)])).unwrap();
    app.synth().unwrap();
    assert_eq!(
        seen.borrow().clone(),
        Some(Error::DuplicateId { path: "S".into(), id: "Taken".into() })
    );
}

// Items 8 and 9: asset folders with symbolic links, missing assets.

/// The fixture of the aws-cdk-lib run: `loopdir` (`loop -> .`, `sub/up -> ../a.txt`, an
/// absolute link inside), `selfdir` (`self -> self`), `extdir` (`ext -> ../outside`, whose
/// `deep/back -> ..` loops outside and `into` points back inside).
#[cfg(unix)]
fn link_fixture(name: &str) -> PathBuf {
    use std::os::unix::fs::symlink;
    let fx = std::env::temp_dir().join("cdk-core-reliability-fx").join(name);
    let _ = std::fs::remove_dir_all(&fx);
    for d in ["loopdir/sub", "selfdir", "extdir", "outside/deep"] {
        std::fs::create_dir_all(fx.join(d)).unwrap();
    }
    std::fs::write(fx.join("loopdir/a.txt"), "hello\n").unwrap();
    std::fs::write(fx.join("loopdir/sub/b.txt"), "sub\n").unwrap();
    symlink(".", fx.join("loopdir/loop")).unwrap();
    symlink("../a.txt", fx.join("loopdir/sub/up")).unwrap();
    symlink(fx.join("loopdir/a.txt"), fx.join("loopdir/abs")).unwrap();
    std::fs::write(fx.join("selfdir/f.txt"), "s\n").unwrap();
    symlink("self", fx.join("selfdir/self")).unwrap();
    std::fs::write(fx.join("extdir/e.txt"), "e\n").unwrap();
    symlink("../outside", fx.join("extdir/ext")).unwrap();
    std::fs::write(fx.join("outside/o.txt"), "o\n").unwrap();
    symlink("..", fx.join("outside/deep/back")).unwrap();
    symlink("../extdir/e.txt", fx.join("outside/into")).unwrap();
    fx
}

/// Every entry below `dir`, links with their text, as `find | readlink` lists them.
#[cfg(unix)]
fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            if meta.file_type().is_symlink() {
                out.push(format!("{rel} -> {}", std::fs::read_link(&p).unwrap().display()));
            } else {
                if meta.is_dir() {
                    todo.push(p);
                }
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

#[cfg(unix)]
#[test]
fn asset_folders_with_link_loops_hash_and_copy_as_aws_cdk_lib_does() {
    let fx = link_fixture("loops");
    let (app, dir) = new_app("asset-links");
    let stack = Stack::new(&app, "S").unwrap();
    // Assets only: an empty Resources section (the CloudFormation validation's F0001).
    cdk_core::Validations::of(&stack)
        .acknowledge("CloudFormation-Validate::F0001", "assets only")
        .unwrap();
    let mut hashes = Vec::new();
    for d in ["loopdir", "selfdir", "extdir"] {
        let loc = cdk_core::add_path_asset(&stack, &fx.join(d), None).unwrap();
        hashes.push(loc.source_hash);
    }
    // aws-cdk-lib 2.276.0's `assetHash` of the same folders.
    assert_eq!(
        hashes,
        [
            "e34cde84533a38fa8835b0f6c44efd0f86ece5457b965a638f051fdc5b7aa83b",
            "86dfb7b209c311120fe1fa2bbc215420fe656c96425a8a7c74d2c8e7eaf23234",
            "71c74441f9f0a18182ef94dd21cc7bd6c8af14fb14d51eea210e51fa18d056b1",
        ]
    );
    app.synth().unwrap();
    // What aws-cdk-lib copies into cdk.out: links inside kept as links (an absolute one made
    // relative to the copy), the external folder followed, its loop entered once.
    let staged = |h: &str| listing(&dir.join(format!("asset.{h}")));
    assert_eq!(
        staged(&hashes[0]),
        ["a.txt", "abs -> a.txt", "loop -> .", "sub", "sub/b.txt", "sub/up -> ../a.txt"]
    );
    assert_eq!(staged(&hashes[1]), ["f.txt", "self -> self"]);
    assert_eq!(
        staged(&hashes[2]),
        ["e.txt", "ext", "ext/deep", "ext/deep/back", "ext/into -> ../e.txt", "ext/o.txt"]
    );
}

#[test]
fn a_missing_asset_is_reported_at_construction_with_its_source() {
    let (app, _) = new_app("asset-missing");
    let stack = Stack::new(&app, "S").unwrap();
    let missing = std::env::temp_dir().join("cdk-core-reliability-fx/does-not-exist");
    let err = cdk_core::add_path_asset(&stack, &missing, None).unwrap_err();
    assert_eq!(err, Error::AssetNotFound { path: "S".into(), file: missing.display().to_string() });
    assert_eq!(err.to_string(), format!("S: Cannot find asset at {}", missing.display()));
}

// Item 7: synthesis is atomic.

/// Every file below `dir` with its bytes (links by their text).
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            if meta.is_dir() {
                todo.push(p);
            } else if meta.is_file() {
                out.push((rel, std::fs::read(&p).unwrap()));
            } else {
                out.push((
                    rel,
                    std::fs::read_link(&p).unwrap().to_string_lossy().as_bytes().to_vec(),
                ));
            }
        }
    }
    out.sort();
    out
}

/// Entries beside `dir` left by a synthesis (its temporary folders).
fn leftovers(dir: &Path) -> Vec<String> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    std::fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{name}.")))
        .collect()
}

fn asset_app(dir: &Path, source: &Path, stacks: &[&str]) -> App {
    let app = App::with_props(AppProps::builder().outdir(dir.to_path_buf()).build().unwrap());
    for s in stacks {
        let stack = Stack::new(&app, s).unwrap();
        topic(&stack, "Topic");
        cdk_core::add_path_asset(&stack, source, None).unwrap();
    }
    app
}

#[test]
fn a_synthesis_failing_late_leaves_the_previous_assembly_intact() {
    let root = std::env::temp_dir().join("cdk-core-reliability-atomic");
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("cdk.out");
    let source = root.join("src");
    std::fs::create_dir_all(&source).unwrap();
    std::fs::write(source.join("index.js"), "exports.handler = 1;\n").unwrap();
    asset_app(&dir, &source, &["S"]).synth().unwrap();
    let before = snapshot(&dir);
    assert!(before.iter().any(|(n, _)| n == "manifest.json"));

    // The source changes (a new hash, so new file names), then disappears before synthesis.
    std::fs::write(source.join("index.js"), "exports.handler = 2;\n").unwrap();
    let app = asset_app(&dir, &source, &["S", "T"]);
    std::fs::remove_dir_all(&source).unwrap();
    let err = app.synth().unwrap_err();
    // The error names the missing source and the asset's construct, not the copy.
    assert_eq!(err, Error::AssetNotFound { path: "S".into(), file: source.display().to_string() });
    assert_eq!(snapshot(&dir), before);
    assert_eq!(leftovers(&dir), Vec::<String>::new());
}

#[test]
fn a_successful_synthesis_removes_files_of_stacks_that_no_longer_exist() {
    let root = std::env::temp_dir().join("cdk-core-reliability-stale");
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("out");
    // The folder exists already (as when the CLI passes CDK_OUTDIR), with a stray file.
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("stray.txt"), "x").unwrap();
    let source = root.join("file.txt");
    std::fs::write(&source, "data").unwrap();
    asset_app(&dir, &source, &["A", "B"]).synth().unwrap();
    assert!(dir.join("B.template.json").exists());
    assert!(!dir.join("stray.txt").exists());
    asset_app(&dir, &source, &["A"]).synth().unwrap();
    let names: Vec<String> = snapshot(&dir).into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"A.template.json".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("B.")), "{names:?}");
    assert_eq!(leftovers(&dir), Vec::<String>::new());
}

#[test]
fn an_unknown_cross_stack_reference_strength_is_refused() {
    use serde_json::json;
    let flag = cdk_core::feature_flags::DEFAULT_CROSS_STACK_REFERENCES;
    for (value, shown) in [(json!("strng"), "strng"), (json!(5), "5"), (json!(true), "true")] {
        let (app, _) = app_with("strength", &[(flag, value)]);
        let a = Stack::new(&app, "A").unwrap();
        let b = Stack::new(&app, "B").unwrap();
        let bucket = CfnResource::new(&a, "Bucket", "AWS::S3::Bucket", Value::Null).unwrap();
        CfnResource::new(&b, "Use", "AWS::SNS::Topic", Value::object([("N", bucket.ref_())]))
            .unwrap();
        assert_eq!(
            app.synth().unwrap_err(),
            Error::InvalidArgument {
                path: "B".into(),
                message: format!(
                    "Invalid value for {flag}: \"{shown}\". Must be \"strong\", \"weak\", or \"both\"."
                ),
            }
        );
    }
}

#[test]
fn a_producer_may_read_and_change_existing_constructs() {
    let (app, dir) = new_app("lazy-changes");
    let stack = Stack::new(&app, "S").unwrap();
    let before = CfnResource::new(&stack, "Before", "AWS::SQS::Queue", Value::Null).unwrap();
    let after: std::rc::Rc<std::cell::RefCell<Option<CfnResource>>> = Default::default();
    let (s, a) = (stack.clone(), after.clone());
    let name = Value::lazy(move |_| {
        before.add_override("Properties.DelaySeconds", 5);
        if let Some(after) = a.borrow().as_ref() {
            after.add_metadata("Note", before.resource_type());
        }
        s.set_description("changed by a producer");
        Some(Value::from("x"))
    });
    CfnResource::new(&stack, "R", "AWS::SNS::Topic", Value::object([("TopicName", name)])).unwrap();
    *after.borrow_mut() =
        Some(CfnResource::new(&stack, "After", "AWS::SQS::Queue", Value::Null).unwrap());
    app.synth().unwrap();
    // aws-cdk-lib 2.276.0's template for the same app.
    assert_eq!(
        std::fs::read_to_string(dir.join("S.template.json")).unwrap(),
        include_str!("data/lazy-changes-constructs.S.template.json")
    );
}

#[test]
fn a_write_failing_midway_leaves_the_previous_assembly_intact() {
    let root = std::env::temp_dir().join("cdk-core-reliability-write-fails");
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("cdk.out");
    let app = App::with_props(AppProps::builder().outdir(dir.clone()).build().unwrap());
    topic(&Stack::new(&app, "A").unwrap(), "T");
    app.synth().unwrap();
    let before = snapshot(&dir);

    // The second stack's template name is too long for the file system: its write fails
    // after the first stack's files were written.
    let app = App::with_props(AppProps::builder().outdir(dir.clone()).build().unwrap());
    let a = Stack::new(&app, "A").unwrap();
    topic(&a, "T");
    topic(&a, "U");
    topic(&Stack::new(&app, &"B".repeat(300)).unwrap(), "T");
    match app.synth() {
        Err(Error::Io { .. }) => {}
        other => panic!("expected an I/O error, got {other:?}"),
    }
    assert_eq!(snapshot(&dir), before);
    assert_eq!(leftovers(&dir), Vec::<String>::new());
}

#[test]
fn synth_from_a_producer_is_an_error_not_a_panic() {
    let (app, _) = new_app("synth-in-producer");
    let stack = Stack::new(&app, "S").unwrap();
    let inner = app.clone();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(None));
    let seen2 = seen.clone();
    let v = Value::lazy(move |_| {
        *seen2.borrow_mut() = Some(inner.synth().is_err());
        Some(Value::from("x"))
    });
    CfnResource::new(&stack, "R", "AWS::SNS::Topic", Value::object([("TopicName", v)])).unwrap();
    app.synth().unwrap();
    assert_eq!(*seen.borrow(), Some(true));
}

#[test]
fn a_producer_may_define_stacks_and_nested_stacks_without_a_panic() {
    let (app, _) = new_app("lazy-stacks");
    let stack = Stack::new(&app, "S").unwrap();
    let (a, s) = (app.clone(), stack.clone());
    let v = Value::lazy(move |_| {
        let late = Stack::new(&a, "Late").unwrap();
        topic(&late, "T");
        let nested =
            cdk_core::NestedStack::new(&s, "Nested", cdk_core::NestedStackProps::default())
                .unwrap();
        topic(&nested, "T");
        Some(Value::from("x"))
    });
    CfnResource::new(&stack, "R", "AWS::SNS::Topic", Value::object([("TopicName", v)])).unwrap();
    // The nested stack's resource gets no TemplateURL (the CloudFormation validation's F3003).
    cdk_core::Validations::of(&stack)
        .acknowledge("CloudFormation-Validate::F3003", "defined during synthesis")
        .unwrap();
    // Stacks defined this late are not synthesized (the stacks to write are known by then);
    // what matters here is that nothing panics.
    assert_eq!(app.synth().unwrap().stacks, ["S"]);
}

#[test]
fn a_folder_asset_keeps_the_folders_extension_in_its_staged_name() {
    // aws-cdk-lib's `getExtension` applies to folders too: `integ.cors.handler` is staged as
    // `asset.<hash>.handler`, and that name is the asset manifest's `path`.
    let (app, dir) = new_app("asset-folder-extension");
    let src = dir.with_file_name("asset-folder-extension-src").join("integ.cors.handler");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("index.js"), "exports.handler = async () => 1;\n").unwrap();
    let stack = Stack::new(&app, "S").unwrap();
    cdk_core::Validations::of(&stack)
        .acknowledge("CloudFormation-Validate::F0001", "assets only")
        .unwrap();
    let loc = cdk_core::add_path_asset(&stack, &src, None).unwrap();
    assert_eq!(loc.asset_path, format!("asset.{}.handler", loc.source_hash));
    assert!(loc.is_zip);
    app.synth().unwrap();
    assert!(dir.join(&loc.asset_path).join("index.js").is_file());
}
