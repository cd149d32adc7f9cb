//! Runs the real `prepdeck` binary in a pseudo-terminal and reads its screen through a
//! vt100 emulator, so tests assert on what a person would see.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Pty {
    pub master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote.
    pub bytes: Arc<Mutex<Vec<u8>>>,
    /// Tells the reading thread to close its end of the pty after its next read.
    hang_up: Arc<std::sync::atomic::AtomicBool>,
}

/// What is left of a pty whose master side was closed: the child, to wait for.
pub struct HungUp {
    child: Box<dyn Child + Send + Sync>,
}

impl HungUp {
    /// Waits for the program to end and returns its exit code.
    pub fn wait_exit(&mut self, secs: u64) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        let _ = self.child.kill();
        panic!("prepdeck did not exit after the hang-up");
    }
}

impl Pty {
    /// Starts prepdeck with `args`, a private HOME/config/data folder under `home`.
    pub fn spawn(args: &[&str], home: &Path, cols: u16, rows: u16) -> Pty {
        Pty::spawn_with_env(args, home, cols, rows, &[])
    }

    pub fn spawn_with_env(
        args: &[&str],
        home: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_prepdeck"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("PREPDECK_DATA_DIR", home.join("data"));
        cmd.env_remove("PREPDECK_CONFIG");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn prepdeck");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.max(1).try_into().unwrap(),
            cols.max(1).try_into().unwrap(),
            0,
        )));
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let hang_up = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (p, b, h) = (
            Arc::clone(&parser),
            Arc::clone(&bytes),
            Arc::clone(&hang_up),
        );
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || h.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                b.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            master: pair.master,
            child,
            writer,
            parser,
            bytes,
            hang_up,
        }
    }

    /// Closes every file descriptor of the master side, as a terminal window closing or
    /// an SSH connection dropping does; the program is left with a dead terminal.
    pub fn hang_up(mut self) -> HungUp {
        self.hang_up
            .store(true, std::sync::atomic::Ordering::SeqCst);
        // A key makes the program draw, so the reading thread wakes up, sees the flag
        // and drops its end.
        let _ = self.writer.write_all(b"j");
        let _ = self.writer.flush();
        std::thread::sleep(Duration::from_millis(300));
        let Pty {
            master,
            child,
            writer,
            ..
        } = self;
        drop(writer);
        drop(master);
        HungUp { child }
    }

    /// The emulator, to look at cells' colours.
    pub fn parser(&self) -> std::sync::MutexGuard<'_, vt100::Parser> {
        self.parser.lock().unwrap()
    }

    pub fn send(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    pub fn cursor_hidden(&self) -> bool {
        self.parser.lock().unwrap().screen().hide_cursor()
    }

    /// Waits until the screen shows `text`; panics with the screen after `secs`.
    pub fn wait_for(&self, text: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
    }

    /// Waits for the program to end and returns its exit code.
    pub fn wait_exit(&mut self, secs: u64) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        let _ = self.child.kill();
        panic!("prepdeck did not exit; screen:\n{}", self.screen());
    }

    /// True when the terminal is back in cooked mode (echo and line editing on).
    pub fn cooked_mode(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        self.master.get_termios().is_some_and(|t| {
            t.local_flags
                .contains(LocalFlags::ICANON | LocalFlags::ECHO)
        })
    }

    pub fn pid(&self) -> i32 {
        self.child
            .process_id()
            .map_or(0, |p| i32::try_from(p).unwrap_or(i32::MAX))
    }
}
