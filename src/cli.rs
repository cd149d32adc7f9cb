//! The command line: every subcommand and flag, with the help text people read.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// The version, with the git commit when built from a checkout.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), env!("PREPDECK_GIT_DESC"));

/// The browser's keys, shown by `prepdeck --help`. The live list, including your own
/// bindings, is the `?` overlay inside the app.
const BROWSER_HELP: &str = "Examples:
  prepdeck                      browse the bundled questions
  prepdeck ~/notes/interviews   browse your own markdown files
  prepdeck --theme light        use the light theme
  prepdeck check --strict notes check files and list every problem

Browser keys (defaults; change them under [keys.browse] in config.toml):
  j k, ↓ ↑          move in the tree, or scroll the card
  h l, ← →          collapse / expand, or move between tree and card
  Enter             open a card, or expand a topic
  Tab               switch focus between tree and card
  g G, Home End     top / bottom
  PgUp PgDn, Ctrl-u Ctrl-d   page / half page
  /                 fuzzy search questions (Tab in search: all fields)
  n N               next / previous match of the last search
  a                 hide answers to quiz yourself; Space reveals the card
  x                 show the example answer and follow-ups
  ?                 help overlay with every binding
  q, Esc            back, then quit; Ctrl-c quits at once; Ctrl-z suspends
Mouse: click selects a row or focuses a pane; the wheel scrolls the pane under it.

Environment:
  PREPDECK_CONFIG   config file (same as --config)
  PREPDECK_DATA_DIR data folder (same as --data-dir)
  NO_COLOR          set to turn colours off";

/// Study for senior DevOps, SRE and platform-engineering interviews in your terminal.
#[derive(Debug, Parser)]
#[command(
    name = "prepdeck",
    version = VERSION,
    about,
    long_about = "Study for senior DevOps, SRE and platform-engineering interviews in your terminal.\n\n\
        Without a subcommand, prepdeck opens the full-screen browser on the bundled question \
        bank, or on the markdown files and folders you name.",
    after_help = "Examples:\n  prepdeck                      browse the bundled questions\n  \
        prepdeck ~/notes/interviews   browse your own markdown files\n  \
        prepdeck check --strict notes check files and list every problem",
    after_long_help = BROWSER_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Question files or folders to open (default: the bundled questions).
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Options every subcommand understands.
#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// Config file to use [default: config.toml in the platform config folder].
    #[arg(long, global = true, env = "PREPDECK_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Folder for the progress database [default: the platform data folder].
    #[arg(long, global = true, env = "PREPDECK_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Colour theme by name (default, light, high-contrast, colorblind, or your own).
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse question files and report layouts, cards and problems.
    #[command(
        after_help = "Exit status: 0 when fine (warnings allowed), 1 on errors, on a file named on \
        the command line that gives no cards, or on warnings with --strict; 2 on usage errors.\n\n\
        Examples:\n  prepdeck check\n  prepdeck check --strict content/\n  \
        prepdeck check --json notes/ > cards.json\n  prepdeck check --formats | less"
    )]
    Check(CheckArgs),
    /// Sit a timed mock interview: random questions, typed answers, a debrief and a report.
    #[command(
        after_help = "Without options a setup screen asks for topics, number of questions, time and \
        mode; any option skips it. Questions are drawn at random without repeats, weighted toward cards \
        that are due, weak or never seen.\n\nWhile answering: Ctrl-s or F2 finishes the question early \
        (Ctrl-Enter does not reach most terminals), Esc pauses and hides the question, and from the \
        pause a aborts.\n\nWith --answers FILE the answers come from a markdown file, one `## ` \
        heading per card (its id or its question; a close match is accepted and reported): each is \
        judged by the coverage hint, saved as a written mock (no card's schedule changes) and \
        reported. Exit status: 0 when every heading named a card, 1 when one did not (the others are \
        still judged), 2 when the file cannot be read, is empty or has no `## ` heading.\n\n\
        Examples:\n  prepdeck mock\n  prepdeck mock --questions 3 --per-question 90s --topic Kubernetes\n  \
        prepdeck mock --total 30m --spoken --seed 7 --report ~/mock.md\n  prepdeck mock --history\n  \
        prepdeck mock --answers answers.md\n  prepdeck mock --answers transcript.md --json --no-save"
    )]
    Mock(MockArgs),
    /// Review the cards that are due, one at a time, graded 1-4 and scheduled by FSRS.
    #[command(
        after_help = "On each card: Space reveals the answer (i or Enter first opens a box to type \
        your answer), j/k and Space tick the key points you covered, Enter takes the suggested grade and \
        1 Again, 2 Hard, 3 Good, 4 Easy grade directly. u undoes, b buries until tomorrow, f flags, e edits \
        the card's file. Every grade is saved before the next card. With --type each card opens on the \
        answer box, and the key points you covered start ticked, with the words that matched, for you \
        to confirm.\n\nExamples:\n  prepdeck review\n  prepdeck review --type\n  \
        prepdeck review --topic Kubernetes --limit 20\n  prepdeck review --cram --topic \"Service mesh\""
    )]
    Review(ReviewArgs),
    /// Show progress: cards, reviews, streak, retention and per-topic mastery.
    #[command(
        after_help = "Examples:\n  prepdeck stats\n  prepdeck stats --json | jq .retention_30d\n  prepdeck stats --tui"
    )]
    Stats(StatsArgs),
    /// Plan toward an interview date: new cards a day, readiness per topic, mock interviews.
    #[command(
        after_help = "A plan is kept in the progress database until you drop it. While it has study \
        days left, its new cards a day replace review.new_per_day (an explicit `review --new N` still \
        wins) and its new cards come first, the last two days sweep the cards not due again before the interview, and the browser \
        shows a line about it. Without options, `plan` shows the plan worked out for today. \
        --interview sets a new plan from the options given (every topic and 30 minutes a day unless \
        named); --topic or --minutes-per-day alone change those of the plan that is set.\n\n\
        Exit status: 0 when fine, even when the plan does not fit (it says what would); 1 when the \
        database or the plan kept in it cannot be read; 2 on usage errors, such as a date that is \
        not after today.\n\n\
        Examples:\n  prepdeck plan --interview 2026-12-15\n  \
        prepdeck plan --interview +14d --topic Kubernetes --topic Linux --minutes-per-day 45\n  \
        prepdeck plan\n  prepdeck plan --json | jq .readiness\n  prepdeck plan --clear"
    )]
    Plan(PlanArgs),
    /// Fit the FSRS scheduler to your own review history (after 100 or more reviews).
    #[command(
        after_help = "Shows the current and the fitted parameters with how well each predicts your \
        reviews, and asks before saving.\n\nExamples:\n  prepdeck optimize\n  prepdeck optimize --yes"
    )]
    Optimize(ConfirmArgs),
    /// Delete the progress of cards that are no longer in the content, after listing them.
    #[command(
        after_help = "Progress of cards whose id no longer appears in the content is kept until you \
        prune it. PATHs (default: the content the browser opens) decide which cards still exist; \
        the bundled bank's cards always do, so their progress is never offered.\n\n\
        Examples:\n  prepdeck prune\n  prepdeck prune --yes ~/notes"
    )]
    Prune(PruneArgs),
    /// Write a consistent copy of the progress database.
    #[command(
        after_help = "Examples:\n  prepdeck backup\n  prepdeck backup ~/prepdeck-2026-11-22.db"
    )]
    Backup(BackupArgs),
    /// Replace the progress database with a backup, after checking it; the old one is kept.
    #[command(after_help = "Examples:\n  prepdeck restore ~/prepdeck-2026-11-22.db")]
    Restore(RestoreArgs),
    /// Print shell completions for bash, zsh, fish, powershell or elvish.
    #[command(
        after_help = "Examples:\n  prepdeck completions bash > ~/.local/share/bash-completion/completions/prepdeck\n  \
        prepdeck completions zsh > ~/.zfunc/_prepdeck\n  prepdeck completions fish > ~/.config/fish/completions/prepdeck.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the man page (roff) to standard output.
    #[command(
        after_help = "Examples:\n  prepdeck man > ~/.local/share/man/man1/prepdeck.1\n  prepdeck man | man -l -"
    )]
    Man,
    /// Show the configuration: `--default` prints a complete, commented default config.
    #[command(
        after_help = "Examples:\n  prepdeck config --default > ~/.config/prepdeck/config.toml\n  prepdeck config"
    )]
    Config(ConfigArgs),
    /// Write the cards to Anki, canonical markdown, JSON or a progress CSV.
    #[command(
        after_help = "Formats:\n  anki      tab-separated notes for Anki's File > Import: GUID (the card id), front, back,\n            \
        deck (prepdeck::Topic::Subtopic) and tags, note type Basic\n  \
        markdown  prepdeck's canonical layout: convert an imported bank once, then edit it\n  \
        json      the cards as `prepdeck check --json` prints them\n  \
        report    each card's progress as CSV (id, topic, question, state, due, reps, lapses, last grade)\n\n\
        Problems in the files go to stderr; the cards that were read are still exported. Exit \
        status: 0 when fine, 1 on errors in the files or when the output cannot be written, \
        2 on usage errors.\n\n\
        Examples:\n  prepdeck export --format anki --out deck.txt notes/\n  \
        prepdeck export --format anki --deck-prefix Interviews::SRE --out deck.txt\n  \
        prepdeck export --format markdown --out k8s.md downloaded/README.md\n  \
        prepdeck export --format report > progress.csv"
    )]
    Export(ExportArgs),
    /// Your own answers to cards, kept beside the model answers: list, show, edit, import.
    #[command(
        after_help = "A card is named by its id (see `notes list` or `check --json`) or by its \
        question: the exact question, else the one question containing the words given. `edit` \
        opens $VISUAL (else $EDITOR, else vi) on a temporary file and saves it when the editor \
        exits cleanly; a failed editor or a file left empty changes nothing. `import` reads \
        `## question or id` headings, each followed by the answer; nothing is imported when a \
        heading names no card.\n\n\
        Exit status: 0 when done; 1 when a card has no own answer to show, the editor failed or \
        the file could not be imported; 2 on usage errors, such as a card that cannot be found.\n\n\
        Examples:\n  prepdeck notes list\n  prepdeck notes list --json | jq '.[].id'\n  \
        prepdeck notes edit \"Tell me about a major incident you led.\"\n  \
        prepdeck notes show 0123456789ab\n  prepdeck notes import my-answers.md"
    )]
    Notes(NotesArgs),
    /// The story bank: your stories (situation, task, action, result) and the cards they answer.
    #[command(
        after_help = "Without options, opens the story bank screen: add (a), edit (e), link or unlink \
        the behavioural and incident card under the cursor (Space), delete (d, asks first; u brings \
        it back in the same session). --markdown and --json print the bank instead.\n\n\
        Examples:\n  prepdeck stories\n  prepdeck stories --markdown > stories.md\n  \
        prepdeck stories --json | jq '.[].title'"
    )]
    Stories(StoriesArgs),
}

/// `prepdeck stories`.
#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// Print the story bank as markdown instead of opening the screen.
    #[arg(long, conflicts_with = "json")]
    pub markdown: bool,

    /// Print the story bank as JSON instead of opening the screen.
    #[arg(long)]
    pub json: bool,

    /// Question files or folders whose cards the stories answer (default: the content the
    /// browser opens).
    pub paths: Vec<PathBuf>,
}

/// `prepdeck notes`.
#[derive(Debug, Args)]
pub struct NotesArgs {
    #[command(subcommand)]
    pub command: NotesCommand,

    /// Question files or folders the cards are looked up in [default: the content the
    /// browser opens].
    #[arg(long = "path", value_name = "PATH", global = true)]
    pub paths: Vec<PathBuf>,
}

/// What `prepdeck notes` does.
#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// List every own answer with its card, newest change first.
    List {
        /// Print JSON: id, topic, question, note, created and updated times, in_content.
        #[arg(long)]
        json: bool,
    },
    /// Print a card's own answer.
    Show {
        /// The card's id or question.
        #[arg(value_name = "ID|QUESTION")]
        card: String,
    },
    /// Write a card's own answer in $VISUAL / $EDITOR.
    Edit {
        /// The card's id or question.
        #[arg(value_name = "ID|QUESTION")]
        card: String,
    },
    /// Import own answers from markdown: `## question or id`, then the answer.
    Import {
        /// The markdown file.
        file: PathBuf,
    },
}

/// `prepdeck export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(long, value_enum)]
    pub format: crate::export::Format,

    /// File to write [default: standard output].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// With `--format anki`: the deck the topics go under (`::` nests; empty for none)
    /// [default: prepdeck].
    #[arg(long, value_name = "NAME")]
    pub deck_prefix: Option<String>,
    /// Markdown: end with your own answers, one `## question` each (the shape `notes
    /// import` reads). JSON and the report always carry them.
    #[arg(long)]
    pub with_notes: bool,

    /// Files or folders to export, read recursively (default: the bundled questions).
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the complete default config, every key commented.
    #[arg(long)]
    pub default: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check, read recursively (default: the bundled questions).
    pub paths: Vec<PathBuf>,

    /// Print one JSON document (files, topics, cards, warnings, errors) instead of text.
    #[arg(long)]
    pub json: bool,

    /// Treat warnings as errors: exit 1 if there is any.
    #[arg(long)]
    pub strict: bool,

    /// Print the guide to the layouts prepdeck reads, with examples, and exit.
    #[arg(long, conflicts_with_all = ["json", "strict"])]
    pub formats: bool,
}

#[derive(Debug, Args)]
pub struct MockArgs {
    /// Files or folders to draw questions from (default: the bundled questions).
    pub paths: Vec<PathBuf>,

    /// Number of questions [default: 5, or `mock.questions` in the config].
    #[arg(long, value_name = "N", value_parser = parse_questions)]
    pub questions: Option<usize>,

    /// Time per question, such as 90s, 4m or 1h30m [default: 4m, or the config's].
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub per_question: Option<std::time::Duration>,

    /// Time for the whole interview; the interview ends when it runs out [default: none].
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub total: Option<std::time::Duration>,

    /// Only questions under the topic named NAME, or when none is, under topics containing NAME (repeat for several).
    #[arg(long = "topic", value_name = "NAME", value_parser = parse_topic)]
    pub topics: Vec<String>,

    /// Seed for the random choice of questions, to repeat an interview exactly.
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,

    /// Answer out loud: only the timer and an optional notes area.
    #[arg(long)]
    pub spoken: bool,

    /// Ask no follow-up question after each answer [default: ask one, or
    /// `mock.follow_ups` in the config].
    #[arg(long)]
    pub no_follow_ups: bool,

    /// Write the report to FILE [default: mocks/ in the data folder].
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// List past mock interviews instead of starting one.
    #[arg(long)]
    pub history: bool,

    /// Judge answers written elsewhere, without a clock: a markdown FILE where each `## `
    /// heading names a card (its id or its question) and the text under it is the
    /// answer (typed, or a speech-to-text transcript).
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with_all = ["history", "questions", "per_question", "total", "topics", "seed", "spoken", "no_follow_ups"]
    )]
    pub answers: Option<PathBuf>,

    /// With --answers: print the verdicts as one JSON document on standard output.
    #[arg(long, requires = "answers")]
    pub json: bool,

    /// With --answers: save nothing to the progress database (the report is written
    /// only when --report names a file).
    #[arg(long, requires = "answers")]
    pub no_save: bool,
}

impl MockArgs {
    /// True when any option that sets up the interview was given.
    pub fn skips_setup(&self) -> bool {
        self.questions.is_some()
            || self.per_question.is_some()
            || self.total.is_some()
            || !self.topics.is_empty()
            || self.seed.is_some()
            || self.spoken
    }
}

fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    crate::mock::duration::parse(text)
}

fn parse_questions(text: &str) -> Result<usize, String> {
    let n: usize = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number of questions"))?;
    crate::mock::check_questions(n)
}

fn parse_topic(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err(
            "an empty topic matches every card: name a topic, or leave --topic out".to_string(),
        );
    }
    Ok(text.to_string())
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Files or folders to review (default: the content the browser opens).
    pub paths: Vec<PathBuf>,

    /// Only cards under the topic named NAME, or when none is, under topics containing NAME (repeat for several).
    #[arg(long = "topic", value_name = "NAME")]
    pub topics: Vec<String>,

    /// At most N cards in this session [default: no limit].
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// New cards per day [default: the plan's while one is set (`prepdeck plan`), else 15 or `review.new_per_day` in the config].
    #[arg(long = "new", value_name = "N")]
    pub new_cards: Option<usize>,

    /// Go through the cards without changing their schedule (grades are logged as cram).
    #[arg(long)]
    pub cram: bool,

    /// Only the cards you flagged (f while reviewing), due or not.
    #[arg(long)]
    pub flagged: bool,

    /// Type (or paste a transcript of) each answer before the card is revealed; the key
    /// points start ticked where the coverage hint finds them, and you confirm each.
    #[arg(long = "type")]
    pub type_answers: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Files or folders whose cards to count (default: the content the browser opens).
    pub paths: Vec<PathBuf>,

    /// Print one JSON document instead of text.
    #[arg(long, conflicts_with = "tui")]
    pub json: bool,

    /// Open the full-screen stats screen.
    #[arg(long)]
    pub tui: bool,
}

/// `prepdeck plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Files or folders whose cards the plan covers (default: the content the browser opens).
    pub paths: Vec<PathBuf>,

    /// The interview date, YYYY-MM-DD or +14d (days from today); sets a new plan.
    #[arg(long, value_name = "DATE", value_parser = parse_interview)]
    pub interview: Option<String>,

    /// Only cards under the topic named NAME, or when none is, under topics containing NAME (repeat for several) [default: every topic].
    #[arg(long = "topic", value_name = "NAME", value_parser = parse_topic)]
    pub topics: Vec<String>,

    /// Minutes a day you can study, 1 to 1440 [default: 30].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1440))]
    pub minutes_per_day: Option<u32>,

    /// Drop the plan.
    #[arg(long, conflicts_with_all = ["interview", "topics", "minutes_per_day", "json"])]
    pub clear: bool,

    /// Print one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Checks the form of a date; whether it is after today is checked when the plan is set.
fn parse_interview(text: &str) -> Result<String, String> {
    crate::plan::DateArg::parse(text).map(|_| text.to_string())
}

#[derive(Debug, Args)]
pub struct ConfirmArgs {
    /// Do not ask: answer yes.
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Files or folders that hold the cards to keep (default: the browser's content).
    pub paths: Vec<PathBuf>,

    /// Do not ask: answer yes.
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy [default: prepdeck-backup-DATE.db in the data folder].
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup to restore.
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
