//! Flow states against aws-cdk-lib 2.276.0 goldens: each test rebuilds the `app.js` beside
//! its golden and compares the synthesized template byte for byte.

use std::error::Error as StdError;
use std::path::{Path, PathBuf};
use std::time::Duration;

use cdk_core::{App, AppProps, Error, Stack};
use cdk_stepfunctions::{
    Choice, ChoiceProps, Condition, DefinitionBody, Fail, FailProps, Map, MapProps, Parallel,
    ParallelProps, Pass, PassProps, StateMachine, StateMachineProps, Succeed, SucceedProps, Wait,
    WaitProps, WaitTime,
};

type TestResult = Result<(), Box<dyn StdError>>;

fn golden(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/goldens")
        .join(case)
        .join("Stack.template.json")
}

/// Builds an app writing to a fresh folder, runs `build`, synthesizes; returns the folder.
fn synth(
    case: &str,
    build: impl FnOnce(&App) -> Result<(), Error>,
) -> Result<PathBuf, Box<dyn StdError>> {
    let out = std::env::temp_dir().join(format!("cdk-stepfunctions-goldens-{case}"));
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    build(&app)?;
    app.synth()?;
    Ok(out)
}

fn assert_same_file(ours: &Path, golden: &Path) -> TestResult {
    let o = std::fs::read_to_string(ours)?;
    let g = std::fs::read_to_string(golden)?;
    assert!(o == g, "{} differs from {}:\n{o}", ours.display(), golden.display());
    Ok(())
}

fn pass(stack: &Stack, id: &str) -> Result<Pass, Error> {
    Pass::new(stack, id, PassProps::default())
}

/// zz-sfn-states: every flow state, conditions, waits, branches, an item processor,
/// `afterwards`.
#[test]
fn zz_sfn_states() -> TestResult {
    let out = synth("zz-sfn-states", |app| {
        let stack = Stack::new(app, "Stack")?;
        let start = Pass::new(&stack, "Start", PassProps::builder().result_path("$.start"))?;
        let wait1 = Wait::new(
            &stack,
            "WaitDuration",
            WaitProps::builder()
                .time(WaitTime::duration(Duration::from_secs(120)))
                .comment("two minutes"),
        )?;
        let wait2 = Wait::new(
            &stack,
            "WaitTimestamp",
            WaitProps::builder().time(WaitTime::timestamp("2026-01-01T00:00:00Z")),
        )?;
        let wait3 = Wait::new(
            &stack,
            "WaitSecondsPath",
            WaitProps::builder().time(WaitTime::seconds_path("$.secs")),
        )?;
        let wait4 = Wait::new(
            &stack,
            "WaitTimestampPath",
            WaitProps::builder().time(WaitTime::timestamp_path("$.ts")),
        )?;
        let ok = Succeed::new(&stack, "Done", SucceedProps::builder().comment("all good"))?;
        let bad = Fail::new(
            &stack,
            "Failed",
            FailProps::builder().error("BadInput").cause("the input was bad"),
        )?;
        let fail2 = Fail::new(&stack, "Failed2", FailProps::default())?;
        let choice = Choice::new(
            &stack,
            "Check",
            ChoiceProps::builder().comment("route").input_path("$.in"),
        )?;
        choice
            .when(Condition::string_equals("$.kind", "a"), &wait1)?
            .when(
                Condition::and([
                    Condition::number_greater_than("$.n", 5.0),
                    Condition::boolean_equals("$.flag", true),
                ]),
                &wait2,
            )?
            .when(
                Condition::or([
                    Condition::is_present("$.x"),
                    Condition::not(Condition::is_null("$.y")),
                ]),
                &wait3,
            )?
            .when(Condition::number_less_than_equals("$.n", 1.5), &bad)?
            .when(Condition::string_matches("$.s", "a*"), &fail2)?
            .when(Condition::timestamp_greater_than("$.t", "2026-01-01T00:00:00Z"), &wait4)?
            .otherwise(&ok)?;
        let parallel =
            Parallel::new(&stack, "Fanout", ParallelProps::builder().result_path("$.branches"))?;
        parallel
            .branch(&pass(&stack, "B1")?)
            .branch(pass(&stack, "B2a")?.next(&pass(&stack, "B2b")?)?);
        let map = Map::new(
            &stack,
            "EachItem",
            MapProps::builder().items_path("$.items").max_concurrency(2u32).result_path("$.mapped"),
        )?;
        map.item_processor(&pass(&stack, "PerItem")?);
        let join = pass(&stack, "Join")?;
        wait1.next(&join)?;
        wait2.next(&join)?;
        wait3.next(&join)?;
        wait4.next(&join)?;
        join.next(&parallel)?.next(&map)?.next(&Succeed::new(
            &stack,
            "End",
            SucceedProps::default(),
        )?)?;
        StateMachine::new(
            &stack,
            "Machine",
            StateMachineProps::builder()
                .definition_body(DefinitionBody::from_chainable(start.next(&choice)?)),
        )?;

        let c2 = Choice::new(&stack, "Choice2", ChoiceProps::default())?;
        let p1 = pass(&stack, "P1")?;
        let p2 = pass(&stack, "P2")?;
        let chain2 = c2
            .when(Condition::string_equals("$.k", "x"), &p1)?
            .otherwise(&p2)?
            .afterwards()?
            .next(&pass(&stack, "After")?)?;
        StateMachine::new(
            &stack,
            "Machine2",
            StateMachineProps::builder().definition_body(DefinitionBody::from_chainable(chain2)),
        )?;
        Ok(())
    })?;
    assert_same_file(&out.join("Stack.template.json"), &golden("zz-sfn-states"))
}

/// zz-sfn-selectors: item and result selectors of Map and Parallel states.
#[test]
fn zz_sfn_selectors() -> TestResult {
    let out = synth("zz-sfn-selectors", |app| {
        let stack = Stack::new(app, "Stack")?;
        let map = Map::new(
            &stack,
            "Map",
            MapProps::builder()
                .comment("each")
                .input_path("$.in")
                .output_path("$.out")
                .items_path("$.items")
                .item_selector(cdk_core::Value::object([
                    ("value.$", "$$.Map.Item.Value"),
                    ("fixed", "x"),
                ]))
                .result_selector(cdk_core::Value::object([("count.$", "$.length()")])),
        )?;
        map.item_processor(&pass(&stack, "Item")?);
        let parallel = Parallel::new(
            &stack,
            "Both",
            ParallelProps::builder()
                .comment("fan")
                .input_path("$.p")
                .output_path("$.q")
                .result_selector(cdk_core::Value::object([("first.$", "$[0]")])),
        )?;
        parallel.branch(&pass(&stack, "One")?);
        StateMachine::new(
            &stack,
            "Machine",
            StateMachineProps::builder()
                .definition_body(DefinitionBody::from_chainable(map.next(&parallel)?)),
        )?;
        Ok(())
    })?;
    assert_same_file(&out.join("Stack.template.json"), &golden("zz-sfn-selectors"))
}

/// A chain ending with a state that cannot be followed refuses more states; a Parallel state
/// without branches and a Map state without a processor fail synthesis.
#[test]
fn refusals() -> TestResult {
    let app = App::new();
    app.skip_synth_check();
    let stack = Stack::new(&app, "Stack")?;
    let chain = pass(&stack, "A")?.next(&Succeed::new(&stack, "S", SucceedProps::default())?)?;
    let e = chain.next(&pass(&stack, "B")?).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Stack/A: Cannot add to chain: last state in chain (S) does not allow it"
    );
    let choice = Choice::new(&stack, "C", ChoiceProps::default())?;
    assert!(choice.when(Condition::string_equals("kind", "a"), &pass(&stack, "D")?).is_err());
    assert!(choice.when(Condition::and([]), &pass(&stack, "E")?).is_err());
    choice.otherwise(&pass(&stack, "F")?)?;
    assert!(choice.otherwise(&pass(&stack, "G")?).is_err());
    let parallel = Parallel::new(&stack, "P", ParallelProps::default())?;
    StateMachine::new(
        &stack,
        "M",
        StateMachineProps::builder().definition_body(DefinitionBody::from_chainable(&parallel)),
    )
    .map(|_| ())
    .or_else(|e| {
        assert!(e.to_string().contains("Parallel must have at least one branch"), "{e}");
        Ok::<(), Error>(())
    })?;
    let map = Map::new(&stack, "Map", MapProps::default())?;
    let r = StateMachine::new(
        &stack,
        "M2",
        StateMachineProps::builder().definition_body(DefinitionBody::from_chainable(&map)),
    );
    if let Err(e) = r {
        assert!(e.to_string().contains("item processor"), "{e}");
    }
    Ok(())
}

/// State names are unique across a state machine and its branches.
#[test]
fn names_unique_across_branches() -> TestResult {
    let app = App::new();
    app.skip_synth_check();
    let stack = Stack::new(&app, "Stack")?;
    let parallel = Parallel::new(&stack, "P", ParallelProps::default())?;
    let inner = Pass::new(&stack, "Inner", PassProps::builder().state_name("Same"))?;
    parallel.branch(&inner);
    let outer = Pass::new(&stack, "Outer", PassProps::builder().state_name("Same"))?;
    let chain = parallel.next(&outer)?;
    let e = StateMachine::new(
        &stack,
        "M",
        StateMachineProps::builder().definition_body(DefinitionBody::from_chainable(chain)),
    )
    .unwrap_err();
    assert!(e.to_string().contains("State with name 'Same' occurs in both"), "{e}");
    Ok(())
}
