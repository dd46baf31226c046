//! `cargo xtask deploy-check [--install-only] [CASE...]`: deploys cloud assemblies to LocalStack
//! (the community emulator, run without docker on 127.0.0.1:4566) with the real `cdk` CLI and
//! exercises them.
//!
//! Per case: `cdk deploy`, every stack `*_COMPLETE` and no resource "deployed as a fallback"
//! (LocalStack's wording for a type it does not implement; found in its log), HTTP calls through
//! every method of every REST API (`deploy-check/probe.py`), `cdk diff` reporting no
//! differences, then `cdk destroy`. A case is `quickstart` (the project in
//! `examples/quickstart`, synthesized by the CLI through its `cdk.json`) or a parity case
//! (`target/parity/<case>/cdk.out`, synthesized by `cargo xtask parity` when missing).
//! Default cases: `defining-apis quickstart`.
//!
//! Tools are pinned and installed into `target/ci-tools` (never taken from PATH): LocalStack in
//! a Python 3.13 venv with our Lambda executor plugin (`deploy-check/localstack-plugin`: creates
//! functions without running them, since the emulator would pull a runtime image), and aws-cdk
//! in `target/ci-tools/npm`. The emulator is stopped by its process id whatever happens.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// LocalStack community core, from PyPI; the other pins keep its runtime importable.
const LOCALSTACK: &[&str] =
    &["localstack-core[runtime]==2026.3.0", "cbor2<6", "pyopenssl<25", "cryptography<45"];
const LOCALSTACK_VERSION: &str = "2026.3.0";
/// Must agree with `.ci/run`.
const AWS_CDK_VERSION: &str = "2.1148.1";
const ENDPOINT: &str = "http://127.0.0.1:4566";
const ACCOUNT: &str = "000000000000";
const REGION: &str = "us-east-1";
/// The longest a `cdk` command may take.
const CDK_TIMEOUT: Duration = Duration::from_secs(900);

const USAGE: &str = "usage: cargo xtask deploy-check [--install-only] [CASE...]
  CASE: quickstart, or a parity case (target/parity/<case>/cdk.out); default: defining-apis quickstart";

struct Tools {
    python: PathBuf,
    cdk: PathBuf,
}

/// Runs the task.
pub fn deploy_check(root: &Path, args: &[&str]) -> Result<(), String> {
    let mut install_only = false;
    let mut cases: Vec<String> = Vec::new();
    for a in args {
        match *a {
            "--install-only" => install_only = true,
            s if s.starts_with('-') => return Err(format!("unknown argument '{s}'\n{USAGE}")),
            s => cases.push(s.to_string()),
        }
    }
    let started = Instant::now();
    let tools = install_tools(root)?;
    if install_only {
        return Ok(());
    }
    if cases.is_empty() {
        cases = vec!["defining-apis".into(), "quickstart".into()];
    }
    let work = root.join("target/deploy-check");
    fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;

    // Parity assemblies that are missing are synthesized first.
    let missing: Vec<&str> = cases
        .iter()
        .filter(|c| *c != "quickstart" && !parity_dir(root, c).join("manifest.json").exists())
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        let out = root.join("target/parity").display().to_string();
        crate::parity(&["--out", &out, "--only", &missing.join(",")])?;
    }

    let mut emulator = start_and_bootstrap(root, &tools, &work)?;
    let mut results: Vec<(String, CaseResult)> = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let t = Instant::now();
        let r = check_case(root, &tools, &work, &emulator, case);
        println!("== {case}: {} ({:.0} s)", r.summary(), t.elapsed().as_secs_f64());
        let clean = matches!(r.destroy, Some(Ok(())));
        results.push((case.clone(), r));
        if !clean && i + 1 < cases.len() {
            // A stack that could not be deleted would be in the way of the next case (most
            // parity cases name their stack `Stack`): start from a fresh emulator.
            println!("== restarting LocalStack (a stack of {case} is left over)");
            emulator.stop();
            emulator = start_and_bootstrap(root, &tools, &work)?;
        }
    }
    emulator.stop();

    println!("\n== deploy-check summary ({:.0} s)", started.elapsed().as_secs_f64());
    println!("| case | deploy | no fallback | HTTP | diff | destroy |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for (case, r) in &results {
        println!("{}", r.row(case));
    }
    let failed: Vec<&str> =
        results.iter().filter(|(_, r)| !r.passed()).map(|(c, _)| c.as_str()).collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("deploy-check failed for: {} (logs in {})", failed.join(", "), work.display()))
    }
}

/// Starts the emulator and bootstraps its environment.
fn start_and_bootstrap(root: &Path, tools: &Tools, work: &Path) -> Result<Emulator, String> {
    let emulator = Emulator::start(root, tools, work)?;
    println!("== cdk bootstrap aws://{ACCOUNT}/{REGION}");
    let t = Instant::now();
    let bootstrap = run(
        Command::new(&tools.cdk)
            .args(["bootstrap", "--no-notices", &format!("aws://{ACCOUNT}/{REGION}")])
            .current_dir(work)
            .envs(aws_env()),
        &work.join("bootstrap.log"),
    );
    match bootstrap {
        Ok(()) => {
            println!("bootstrapped in {:.0} s", t.elapsed().as_secs_f64());
            Ok(emulator)
        }
        Err(e) => {
            emulator.stop();
            Err(format!("cdk bootstrap failed: {e}"))
        }
    }
}

fn parity_dir(root: &Path, case: &str) -> PathBuf {
    root.join("target/parity").join(case).join("cdk.out")
}

/// What happened to one case; `None` for a step that did not run.
#[derive(Default)]
struct CaseResult {
    deploy: Option<Result<(), String>>,
    fallback: Option<Result<(), String>>,
    http: Option<Result<(), String>>,
    diff: Option<Result<(), String>>,
    destroy: Option<Result<(), String>>,
}

impl CaseResult {
    fn steps(&self) -> [&Option<Result<(), String>>; 5] {
        [&self.deploy, &self.fallback, &self.http, &self.diff, &self.destroy]
    }
    fn passed(&self) -> bool {
        self.steps().iter().all(|s| matches!(s, Some(Ok(()))))
    }
    fn summary(&self) -> String {
        if self.passed() {
            return "ok".into();
        }
        let names = ["deploy", "fallback", "http", "diff", "destroy"];
        let bad: Vec<String> = self
            .steps()
            .iter()
            .zip(names)
            .filter_map(|(s, n)| match s {
                Some(Err(e)) => Some(format!("{n}: {e}")),
                _ => None,
            })
            .collect();
        format!("FAILED ({})", bad.join("; "))
    }
    fn row(&self, case: &str) -> String {
        let cell = |s: &Option<Result<(), String>>| match s {
            None => "-".to_string(),
            Some(Ok(())) => "ok".to_string(),
            Some(Err(e)) => format!("FAIL: {}", e.replace('|', "/")),
        };
        let cells: Vec<String> = self.steps().iter().map(|s| cell(s)).collect();
        format!("| {case} | {} |", cells.join(" | "))
    }
}

fn check_case(
    root: &Path,
    tools: &Tools,
    work: &Path,
    emulator: &Emulator,
    case: &str,
) -> CaseResult {
    let mut r = CaseResult::default();
    let logs = work.join(case);
    let _ = fs::remove_dir_all(&logs);
    if let Err(e) = fs::create_dir_all(&logs) {
        r.deploy = Some(Err(e.to_string()));
        return r;
    }
    let env = aws_env();
    // The quickstart goes through its cdk.json (the CLI builds and runs the app, passing a
    // context value that must reach the deployed API); a parity case through its assembly.
    let quickstart = case == "quickstart";
    let greeting = "hello from deploy-check";
    let (cwd, app_args): (PathBuf, Vec<String>) = if quickstart {
        (root.join("examples/quickstart"), vec!["-c".into(), format!("greeting={greeting}")])
    } else {
        let dir = parity_dir(root, case);
        if !dir.join("manifest.json").exists() {
            r.deploy = Some(Err(format!("no assembly at {}", dir.display())));
            return r;
        }
        (work.to_path_buf(), vec!["--app".into(), dir.display().to_string()])
    };
    let stacks = if quickstart {
        vec!["Quickstart".to_string()]
    } else {
        match top_level_stacks(&parity_dir(root, case)) {
            Ok(s) => s,
            Err(e) => {
                r.deploy = Some(Err(e));
                return r;
            }
        }
    };
    let cdk = |args: &[&str]| {
        let mut c = Command::new(&tools.cdk);
        // --no-notices: the CLI would fetch its notices from the internet.
        c.args(args).arg("--no-notices").args(&app_args).current_dir(&cwd).envs(&env);
        if quickstart {
            // run-app.sh builds into the worktree's target folder rather than the project's.
            c.env("CARGO_TARGET_DIR", root.join("target/quickstart"));
        }
        c
    };
    let log_mark = emulator.log_len();

    println!("== {case}: cdk deploy ({})", stacks.join(", "));
    let outputs = logs.join("outputs.json");
    let outputs_arg = outputs.display().to_string();
    let deploy_args = [
        "deploy",
        "--all",
        "--require-approval",
        "never",
        "--progress",
        "events",
        "--outputs-file",
        &outputs_arg,
    ];
    r.deploy = Some(run(&mut cdk(&deploy_args), &logs.join("deploy.log")));
    let deployed = matches!(r.deploy, Some(Ok(())));
    r.fallback = Some(emulator.fallbacks_since(log_mark));

    if deployed {
        println!("== {case}: stacks and HTTP calls");
        let mut probe = Command::new(&tools.python);
        probe.arg(root.join("xtask/deploy-check/probe.py")).envs(&env);
        if quickstart {
            probe.args(["--expect-body-contains", &format!("/hello={greeting}")]);
        }
        probe.args(&stacks);
        r.http = Some(run_tee(&mut probe, &logs.join("probe.log")));

        println!("== {case}: cdk diff");
        let diff_log = logs.join("diff.log");
        r.diff = Some(run(&mut cdk(&["diff", "--all", "--fail"]), &diff_log).and_then(|()| {
            let text = fs::read_to_string(&diff_log).unwrap_or_default();
            let differing = text
                .lines()
                .find(|l| l.contains("Number of stacks with differences"))
                .unwrap_or("")
                .trim()
                .to_string();
            println!("{differing}");
            if differing.ends_with(": 0") {
                Ok(())
            } else {
                Err(format!("cdk diff: {differing}"))
            }
        }));
    }

    // Destroy whatever was created, even after a failed deploy.
    println!("== {case}: cdk destroy");
    r.destroy = Some(run(&mut cdk(&["destroy", "--all", "--force"]), &logs.join("destroy.log")));
    r
}

/// The artifact ids of the stacks in an assembly's manifest.
fn top_level_stacks(dir: &Path) -> Result<Vec<String>, String> {
    let path = dir.join("manifest.json");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let manifest: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let artifacts = manifest["artifacts"].as_object().ok_or("manifest without artifacts")?;
    Ok(artifacts
        .iter()
        .filter(|(_, a)| a["type"] == "aws:cloudformation:stack")
        .map(|(id, a)| a["properties"]["stackName"].as_str().unwrap_or(id).to_string())
        .collect())
}

fn aws_env() -> BTreeMap<&'static str, &'static str> {
    BTreeMap::from([
        ("AWS_ENDPOINT_URL", ENDPOINT),
        ("AWS_ACCESS_KEY_ID", "test"),
        ("AWS_SECRET_ACCESS_KEY", "test"),
        ("AWS_REGION", REGION),
        ("AWS_DEFAULT_REGION", REGION),
        ("CDK_DISABLE_VERSION_CHECK", "1"),
        ("CDK_DISABLE_CLI_TELEMETRY", "true"),
    ])
}

/// Runs a command with its output into `log`; on failure, the log's tail is printed.
fn run(cmd: &mut Command, log: &Path) -> Result<(), String> {
    let file = fs::File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
    let err = file.try_clone().map_err(|e| e.to_string())?;
    let mut child = cmd
        .stdout(Stdio::from(file))
        .stderr(Stdio::from(err))
        .spawn()
        .map_err(|e| format!("cannot run {:?}: {e}", cmd.get_program()))?;
    let result = wait_with_timeout(&mut child, CDK_TIMEOUT);
    if result.is_err() {
        let text = fs::read_to_string(log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        for l in &lines[lines.len().saturating_sub(25)..] {
            eprintln!("  | {l}");
        }
    }
    result.map_err(|e| format!("{e} (log: {})", log.display()))
}

/// Runs a command, printing its output and copying it into `log`.
fn run_tee(cmd: &mut Command, log: &Path) -> Result<(), String> {
    let out = cmd.output().map_err(|e| format!("cannot run {:?}: {e}", cmd.get_program()))?;
    let text =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    print!("{text}");
    let _ = fs::write(log, &text);
    if out.status.success() {
        Ok(())
    } else {
        let failed = text.lines().filter(|l| l.starts_with("FAIL")).count();
        Err(format!("{failed} failed HTTP/stack check(s)"))
    }
}

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> Result<(), String> {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(format!("exited with {status}")),
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {} s", timeout.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(200)),
            Err(e) => return Err(e.to_string()),
        }
    }
}

/// A Python ≥ 3.13 to make the LocalStack venv with (LocalStack 2026.3 imports
/// `warnings.deprecated`, new in 3.13): `$LOCALSTACK_PYTHON`, else pyenv's newest 3.13/3.14,
/// else `python3.13`/`python3.14`.
fn base_python() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("LOCALSTACK_PYTHON") {
        return Ok(PathBuf::from(p));
    }
    let pyenv = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyenv")));
    if let Some(versions) = pyenv.map(|p| p.join("versions")) {
        let mut found: Vec<PathBuf> = fs::read_dir(&versions)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                (name.starts_with("3.13") || name.starts_with("3.14"))
                    && p.join("bin/python3").exists()
            })
            .collect();
        found.sort();
        if let Some(p) = found.pop() {
            return Ok(p.join("bin/python3"));
        }
    }
    for name in ["python3.13", "python3.14"] {
        if Command::new(name).arg("--version").output().is_ok_and(|o| o.status.success()) {
            return Ok(PathBuf::from(name));
        }
    }
    Err("LocalStack needs Python >= 3.13: install it (`pyenv install 3.13`) or set \
         LOCALSTACK_PYTHON to its interpreter"
        .into())
}

/// Installs (when absent or of another version) LocalStack, our executor plugin and aws-cdk
/// into `target/ci-tools`.
fn install_tools(root: &Path) -> Result<Tools, String> {
    let tools = root.join("target/ci-tools");
    let venv = tools.join("localstack");
    let python = venv.join("bin/python");
    let plugin_src = root.join("xtask/deploy-check/localstack-plugin");
    let plugin_stamp = venv.join("apigw-rs-plugin.stamp");
    let plugin_digest = {
        let mut text = String::new();
        for f in ["pyproject.toml", "apigw_rs_noop_lambda.py"] {
            text += &fs::read_to_string(plugin_src.join(f)).map_err(|e| e.to_string())?;
        }
        text
    };
    let installed = Command::new(&python)
        .args(["-c", "import importlib.metadata as m; print(m.version('localstack-core'))"])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == LOCALSTACK_VERSION);
    if !installed {
        let t = Instant::now();
        println!("== installing LocalStack {LOCALSTACK_VERSION} into {}", venv.display());
        let _ = fs::remove_dir_all(&venv);
        status(Command::new(base_python()?).args(["-m", "venv"]).arg(&venv))?;
        status(
            Command::new(&python)
                .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check"])
                .args(LOCALSTACK),
        )?;
        println!("LocalStack installed in {:.0} s", t.elapsed().as_secs_f64());
    }
    if fs::read_to_string(&plugin_stamp).ok().as_deref() != Some(plugin_digest.as_str()) {
        // Built from a copy, so that the source folder stays clean.
        let copy = tools.join("localstack-plugin-src");
        let _ = fs::remove_dir_all(&copy);
        fs::create_dir_all(&copy).map_err(|e| e.to_string())?;
        for f in ["pyproject.toml", "apigw_rs_noop_lambda.py"] {
            fs::copy(plugin_src.join(f), copy.join(f)).map_err(|e| e.to_string())?;
        }
        status(
            Command::new(&python)
                .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check"])
                .args(["--no-build-isolation", "--force-reinstall", "--no-deps"])
                .arg(&copy),
        )?;
        fs::write(&plugin_stamp, &plugin_digest).map_err(|e| e.to_string())?;
    }

    let npm = tools.join("npm");
    let cdk = npm.join("node_modules/.bin/cdk");
    let cdk_version = Command::new(&cdk)
        .arg("--version")
        .env("CDK_DISABLE_VERSION_CHECK", "1")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout).split_whitespace().next().unwrap_or("").to_string()
        })
        .unwrap_or_default();
    if cdk_version != AWS_CDK_VERSION {
        println!("== installing aws-cdk {AWS_CDK_VERSION} into {}", npm.display());
        let _ = fs::remove_dir_all(&npm);
        status(
            Command::new("npm")
                .args(["install", "--silent", "--no-save", "--no-audit", "--no-fund", "--prefix"])
                .arg(&npm)
                .arg(format!("aws-cdk@{AWS_CDK_VERSION}")),
        )?;
    }
    println!(
        "LocalStack {LOCALSTACK_VERSION} ({}), aws-cdk {AWS_CDK_VERSION} ({})",
        venv.display(),
        cdk.display()
    );
    Ok(Tools { python, cdk })
}

fn status(cmd: &mut Command) -> Result<(), String> {
    let s = cmd.status().map_err(|e| format!("cannot run {:?}: {e}", cmd.get_program()))?;
    if s.success() {
        Ok(())
    } else {
        Err(format!("{:?} failed: {s}", cmd.get_program()))
    }
}

/// The running emulator; stopped by its process id on `stop` or when dropped (a failure or a
/// panic on the way).
struct Emulator {
    child: Option<Child>,
    log: PathBuf,
    pid_file: PathBuf,
}

impl Emulator {
    fn start(root: &Path, tools: &Tools, work: &Path) -> Result<Emulator, String> {
        let addr: SocketAddr = "127.0.0.1:4566".parse().map_err(|e| format!("{e}"))?;
        if TcpStream::connect_timeout(&addr, Duration::from_millis(300)).is_ok() {
            return Err(
                "127.0.0.1:4566 is already in use (another LocalStack?); stop it first".into()
            );
        }
        let log = work.join("localstack.log");
        let file = fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        let err = file.try_clone().map_err(|e| e.to_string())?;
        let fs_root = work.join("localstack-fs");
        let _ = fs::remove_dir_all(&fs_root);
        let t = Instant::now();
        let child = Command::new(&tools.python)
            .args(["-m", "localstack.runtime.main"])
            .current_dir(root)
            .env("GATEWAY_SERVER", "hypercorn")
            .env("GATEWAY_LISTEN", "127.0.0.1:4566")
            .env("LAMBDA_RUNTIME_EXECUTOR", "noop")
            .env("FILESYSTEM_ROOT", &fs_root)
            .env("DNS_ADDRESS", "0")
            .env("SKIP_SSL_CERT_DOWNLOAD", "1")
            .env("DISABLE_EVENTS", "1")
            .env("LOCALSTACK_TELEMETRY", "0")
            // plux (LocalStack's plugin loader) caches entry points in the user's cache dir.
            .env("XDG_CACHE_HOME", work.join("cache"))
            .stdout(Stdio::from(file))
            .stderr(Stdio::from(err))
            .spawn()
            .map_err(|e| format!("cannot start LocalStack: {e}"))?;
        let pid = child.id();
        // For a caller's trap (`.ci/run`), should this process be killed before it stops it.
        let _ = fs::write(work.join("localstack.pid"), format!("{pid}\n"));
        let mut emulator =
            Emulator { child: Some(child), log, pid_file: work.join("localstack.pid") };
        println!("== LocalStack starting (pid {pid}, log {})", emulator.log.display());
        while t.elapsed() < Duration::from_secs(120) {
            if let Some(child) = emulator.child.as_mut() {
                if let Ok(Some(s)) = child.try_wait() {
                    emulator.child = None;
                    return Err(format!("LocalStack exited ({s}); see {}", emulator.log.display()));
                }
            }
            if health_ready(&addr) {
                println!("LocalStack ready in {:.1} s", t.elapsed().as_secs_f64());
                return Ok(emulator);
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        emulator.stop();
        Err("LocalStack did not become ready in 120 s".into())
    }

    fn log_len(&self) -> usize {
        fs::read(&self.log).map(|b| b.len()).unwrap_or(0)
    }

    /// Resources LocalStack did not implement but reported as created, since `mark`.
    fn fallbacks_since(&self, mark: usize) -> Result<(), String> {
        let bytes = fs::read(&self.log).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes[mark.min(bytes.len())..]);
        let mut types: Vec<String> = text
            .lines()
            .filter_map(|l| {
                if let Some((_, rest)) = l.split_once("No resource provider found for \"") {
                    rest.split('"').next()
                } else if l.contains("deployed as a fallback") {
                    l.split_once("Resource type ").and_then(|(_, rest)| rest.split(' ').next())
                } else {
                    None
                }
            })
            .map(str::to_string)
            .collect();
        types.sort();
        types.dedup();
        if types.is_empty() {
            Ok(())
        } else {
            Err(format!("not implemented by LocalStack: {}", types.join(", ")))
        }
    }

    fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        let Some(mut child) = self.child.take() else { return };
        let pid = child.id();
        let _ = fs::remove_file(&self.pid_file);
        // SIGTERM by process id, then SIGKILL if it has not exited within 10 s (its shutdown
        // sometimes waits on service threads).
        let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = child.try_wait() {
                println!("== LocalStack (pid {pid}) stopped");
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let _ = child.kill();
        let _ = child.wait();
        println!("== LocalStack (pid {pid}) killed (no exit 10 s after SIGTERM)");
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Whether `/_localstack/health` answers 200.
fn health_ready(addr: &SocketAddr) -> bool {
    let Ok(mut s) = TcpStream::connect_timeout(addr, Duration::from_millis(500)) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
    if s.write_all(b"GET /_localstack/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").is_err() {
        return false;
    }
    let mut buf = [0u8; 16];
    let n = s.read(&mut buf).unwrap_or(0);
    String::from_utf8_lossy(&buf[..n]).contains(" 200")
}
