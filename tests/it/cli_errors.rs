//! Config and theme mistakes through the real binary: a TOML syntax error, an unknown
//! key, a wrong type, an unknown theme name (from the config and from `--theme`) and a
//! broken theme file each give one message naming the file, line and column, exit
//! status 2, and nothing is written: the config is unchanged and no database is made.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `prepdeck ARGS` with the config file `config` and an empty data folder; returns
/// the output and asserts that nothing was written anywhere.
fn run_with_config(config_text: &str, args: &[&str], plant: impl FnOnce(&Path)) -> Output {
    let home = tempfile::tempdir().unwrap();
    let config_dir = home.path().join("config").join("prepdeck");
    std::fs::create_dir_all(&config_dir).unwrap();
    let config = config_dir.join("config.toml");
    std::fs::write(&config, config_text).unwrap();
    plant(&config_dir);
    let data = home.path().join("data");
    let listing = |dir: &Path| {
        let mut all: Vec<(String, Vec<u8>)> = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                if e.path().is_dir() {
                    stack.push(e.path());
                } else {
                    all.push((
                        e.path().display().to_string(),
                        std::fs::read(e.path()).unwrap(),
                    ));
                }
            }
        }
        all.sort();
        all
    };
    let before = listing(home.path());
    let out = Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .args(["--config", config.to_str().unwrap()])
        .args(["--data-dir", data.to_str().unwrap()])
        .args(args)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env_remove("PREPDECK_CONFIG")
        .env_remove("PREPDECK_DATA_DIR")
        .output()
        .expect("run prepdeck");
    assert_eq!(listing(home.path()), before, "nothing may be written");
    assert!(!data.exists(), "no data folder is made");
    out
}

/// Exit status 2 and a message `FILE:LINE:COLUMN: …` containing `words`.
fn assert_config_error(out: &Output, file: &str, line: usize, column: usize, words: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let place = format!("{file}:{line}:{column}: ");
    assert!(stderr.contains(&place), "expected {place:?} in {stderr}");
    assert!(stderr.contains(words), "expected {words:?} in {stderr}");
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Every command that reads the config refuses the same way.
const COMMANDS: [&[&str]; 3] = [&[], &["stats"], &["review"]];

#[test]
fn a_toml_syntax_error() {
    for args in COMMANDS {
        let out = run_with_config(
            "theme = \"light\"\n[review\nnew_per_day = 3\n",
            args,
            |_| {},
        );
        assert_config_error(&out, "config.toml", 2, 8, "");
    }
}

#[test]
fn an_unknown_key() {
    for args in COMMANDS {
        let out = run_with_config(
            "theme = \"light\"\n\n[review]\nnew_per_dya = 3\n",
            args,
            |_| {},
        );
        assert_config_error(&out, "config.toml", 4, 1, "new_per_dya");
    }
}

#[test]
fn a_wrong_type() {
    for args in COMMANDS {
        let out = run_with_config("[review]\nnew_per_day = \"ten\"\n", args, |_| {});
        assert_config_error(&out, "config.toml", 2, 15, "");
    }
}

#[test]
fn an_unknown_theme_name_in_the_config() {
    for args in COMMANDS {
        let out = run_with_config("# my settings\n\n  theme = \"solarised\"\n", args, |_| {});
        assert_config_error(&out, "config.toml", 3, 3, "unknown theme `solarised`");
    }
}

#[test]
fn an_unknown_theme_name_on_the_command_line() {
    let out = run_with_config("", &["--theme", "solarised", "stats"], |_| {});
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("prepdeck: --theme: unknown theme `solarised`"),
        "names the flag, with no line or column to point at: {stderr}"
    );
    assert!(
        stderr.contains("light"),
        "lists the themes there are: {stderr}"
    );
}

#[test]
fn a_broken_theme_file() {
    let cases: [(&str, usize, usize, &str); 3] = [
        ("[styles\n", 1, 8, ""),
        (
            "[styles.text]\nfg = \"red\"\nblink_rate = 3\n",
            3,
            1,
            "blink_rate",
        ),
        ("[styles.text]\nfg = 7\n", 2, 6, ""),
    ];
    for (text, line, column, words) in cases {
        let out = run_with_config("theme = \"mine\"\n", &["stats"], |dir| {
            std::fs::create_dir_all(dir.join("themes")).unwrap();
            std::fs::write(dir.join("themes").join("mine.toml"), text).unwrap();
        });
        assert_config_error(&out, "mine.toml", line, column, words);
    }
}

#[test]
fn a_config_folder_below_a_file_means_the_defaults() {
    let home = tempfile::tempdir().unwrap();
    let not_a_folder = home.path().join("plain-file");
    std::fs::write(&not_a_folder, "not a folder").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .args(["stats", "--json"])
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", &not_a_folder)
        .env("PREPDECK_DATA_DIR", home.path().join("data"))
        .env_remove("PREPDECK_CONFIG")
        .output()
        .expect("run prepdeck");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"cards\""));
}

#[test]
fn mock_settings_that_make_no_interview_are_usage_errors_from_either_place() {
    // The command line: exit 2, the same words as from the config.
    for (args, words) in [
        (&["--questions", "0"][..], "at least one question"),
        (&["--per-question", "5"], "has no unit: write 5s, 5m or 5h"),
        (&["--per-question", "1h1h"], "each unit at most once"),
        (&["--per-question", "0s"], "longer than zero"),
        (&["--total", "99999999999999999999h"], "is too large"),
        (&["--topic", ""], "name a topic"),
    ] {
        let out = run_with_config("", &[&["mock"], args].concat(), |_| {});
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(words), "{args:?}: {stderr}");
    }
    // The config: the same checks, at the line and column of the key.
    let out = run_with_config("[mock]\nquestions = 0\n", &["mock"], |_| {});
    assert_config_error(
        &out,
        "config.toml",
        2,
        1,
        "mock.questions: a mock interview needs at least one question",
    );
    let out = run_with_config("[mock]\nper_question = \"5\"\n", &["mock"], |_| {});
    assert_config_error(
        &out,
        "config.toml",
        2,
        1,
        "mock.per_question: `5` has no unit",
    );
}
