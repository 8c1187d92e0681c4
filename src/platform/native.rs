//! The desktop's side of the platform: files in the data directory, appended and replaced
//! safely, and the terminal.
use crate::i18n::Message;

/// Why a file could not be read or written, in words of our own where the kind of failure is
/// known, the system's words otherwise.
fn io_error(path: &std::path::Path, e: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    let reason = match e.kind() {
        ErrorKind::NotFound => Message::new("io-not-found"),
        ErrorKind::PermissionDenied => Message::new("io-permission-denied"),
        ErrorKind::AlreadyExists => Message::new("io-already-exists"),
        ErrorKind::StorageFull => Message::new("io-storage-full"),
        ErrorKind::ReadOnlyFilesystem => Message::new("io-read-only"),
        ErrorKind::NotADirectory => Message::new("io-not-a-folder"),
        ErrorKind::IsADirectory => Message::new("io-is-a-folder"),
        ErrorKind::InvalidData => Message::new("io-not-text"),
        _ => Message::new("io-other").with("detail", e.to_string()),
    };
    Message::new("io-file")
        .with("path", path.display().to_string())
        .with("reason", reason)
}

/// Reads a text file.
pub fn read_text(path: &std::path::Path) -> Result<String, Message> {
    std::fs::read_to_string(path).map_err(|e| io_error(path, &e))
}

/// Whether a file exists.
pub fn exists(path: &std::path::Path) -> bool {
    path.exists()
}

/// Writes a text file, creating its folder.
pub fn write_text(path: &std::path::Path, text: &str) -> Result<(), Message> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    }
    std::fs::write(path, text).map_err(|e| io_error(path, &e))
}

/// Whether standard error is a terminal, where progress may be drawn.
pub fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
}

/// The files of a folder with an extension, sorted; none if the folder is missing.
pub fn list_files(dir: &std::path::Path, extension: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == extension))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The files of a folder with an extension, the most recently changed first.
pub fn list_files_newest_first(dir: &std::path::Path, extension: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<(std::time::SystemTime, std::path::PathBuf)> = list_files(dir, extension)
        .into_iter()
        .map(|p| {
            let when = std::fs::metadata(&p)
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (when, p)
        })
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    files.into_iter().map(|(_, p)| p).collect()
}

/// Creates a folder and its parents; a failure shows when writing into it.
pub fn create_dir_all(dir: &std::path::Path) {
    if !dir.as_os_str().is_empty() {
        let _ = std::fs::create_dir_all(dir);
    }
}

/// Where the game keeps its logs on this machine: `GLASSBANK_DATA_DIR`, or the platform's data
/// directory (`~/.local/share/glassbank` on Linux).
pub fn data_dir() -> std::path::PathBuf {
    use std::path::PathBuf;
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = env("GLASSBANK_DATA_DIR") {
        return dir;
    }
    let base = if cfg!(target_os = "windows") {
        env("APPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        env("XDG_DATA_HOME").or_else(|| env("HOME").map(|h| h.join(".local/share")))
    };
    base.unwrap_or_else(|| PathBuf::from(".")).join("glassbank")
}

/// Unguessable random bytes from the operating system, for a room's code and its seats'
/// secrets.
#[cfg(feature = "serve")]
pub fn secret_bytes<const N: usize>() -> Result<[u8; N], Message> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)
        .map_err(|e| Message::new("io-other").with("detail", e.to_string()))?;
    Ok(bytes)
}

/// Appends one line to a log file, creating it. The line goes out in a single write and is
/// flushed to disk; if a crash left the file ending mid-line, that fragment is closed first so
/// it stays a line of its own and never spoils this one.
pub fn append_line(path: &std::path::Path, line: &str) -> Result<(), Message> {
    append_lines(path, &[line])
}

/// Appends several lines at once, in a single write: either all of them reach the file or, if
/// the write fails, the player is told and can try again without doubling any.
pub fn append_lines(path: &std::path::Path, lines: &[&str]) -> Result<(), Message> {
    use std::io::{Read, Seek, SeekFrom, Write};
    let fail = |e: std::io::Error| io_error(path, &e);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .read(true)
        .open(path)
        .map_err(fail)?;
    let mut record = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum::<usize>() + 1);
    if file.metadata().map_err(fail)?.len() > 0 {
        let mut last = [0u8; 1];
        file.seek(SeekFrom::End(-1)).map_err(fail)?;
        file.read_exact(&mut last).map_err(fail)?;
        if last[0] != b'\n' {
            record.push('\n');
        }
    }
    for line in lines {
        record.push_str(line);
        record.push('\n');
    }
    file.write_all(record.as_bytes()).map_err(fail)?;
    file.sync_data().map_err(fail)
}

/// Replaces a file's content all at once: written beside it, flushed, then renamed over it, so
/// a crash leaves either the old file or the new one.
pub fn write_atomically(path: &std::path::Path, text: &str) -> Result<(), Message> {
    write_through_temporary(path, text, false)
}

/// Like `write_atomically`, readable and writable by this user only (mode 0600 on Unix): the
/// room's file, which holds the facilitator's secret and every seat's token.
#[cfg(feature = "serve")]
pub fn write_private(path: &std::path::Path, text: &str) -> Result<(), Message> {
    write_through_temporary(path, text, true)
}

/// Writes a new file beside `path` under a name nobody else holds (created, never opened if it
/// exists: no link planted there is followed), then renames it over `path`.
fn write_through_temporary(
    path: &std::path::Path,
    text: &str,
    private: bool,
) -> Result<(), Message> {
    use std::io::Write;
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let fail = |e: std::io::Error| io_error(path, &e);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    }
    let mut attempt = 0;
    let (tmp, mut file) = loop {
        let mut tmp = path.as_os_str().to_owned();
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        tmp.push(format!(".{}.{n}.tmp", std::process::id()));
        let tmp = std::path::PathBuf::from(tmp);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        match options.open(&tmp) {
            Ok(file) => break (tmp, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 8 => attempt += 1,
            Err(e) => return Err(fail(e)),
        }
    };
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_data())
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(fail)
}

/// Whether a window can open: on Linux and the BSDs the game draws through X11 (XWayland on a
/// Wayland desktop), which needs `DISPLAY`; elsewhere there is always a screen.
pub fn has_display() -> bool {
    if cfg!(all(unix, not(target_os = "macos"))) {
        std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty())
    } else {
        true
    }
}

/// On the desktop no page address carries a room code: the player types it.
pub fn room_requested() -> Option<String> {
    None
}

/// On the desktop the player types the room's address.
pub fn room_socket() -> Option<String> {
    None
}

/// On the desktop the player picks a seat from the list.
pub fn seat_requested() -> Option<String> {
    None
}

/// The facilitator's secret a page's address carries: none on the desktop.
pub fn host_secret_requested() -> Option<String> {
    None
}

/// A participant's personal secret a page's address carries: none on the desktop.
pub fn personal_token_requested() -> Option<String> {
    None
}

/// Opens a web page in the desktop's browser (the room's report, served by this machine).
pub fn open_page(url: &str) -> Result<(), Message> {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|mut opener| {
            // The opener ends once the browser has the page; it is waited for, so that it
            // leaves nothing behind in the process table.
            std::thread::spawn(move || opener.wait());
        })
        .map_err(|e| {
            // The address is not told: it holds the report's key, and the host's screen may
            // be the projector's.
            Message::new("page-not-opened").with("reason", e.to_string())
        })
}

/// The control a browser test asks to press: none on the desktop.
pub fn take_press() -> Option<String> {
    None
}

/// The controls a browser test may press: nowhere to show them on the desktop.
pub fn show_controls(_controls: &[(String, [f32; 4])]) {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::random_id;

    #[test]
    fn an_unwritable_place_gives_a_message_not_a_loss() {
        let full = append_line(std::path::Path::new("/dev/full"), "x");
        let full = full.unwrap_err();
        assert!(full.to_string().contains("/dev/full"), "{full}");
        let under_a_file = append_line(std::path::Path::new("/dev/null/feedback.jsonl"), "x");
        assert!(under_a_file.is_err());
        // In the player's language, never the system's English words for a full disk.
        let fr = crate::i18n::Translations::shared(crate::i18n::Language::Fr).message(&full);
        assert!(fr.contains("plein"), "{fr}");
    }

    #[test]
    fn a_fragment_left_by_a_crash_stays_a_line_of_its_own() {
        let dir = std::env::temp_dir().join(format!("glassbank-append-{}", random_id()));
        let path = dir.join("log.jsonl");
        append_line(&path, "one").unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, b"{\"cut"))
            .unwrap();
        append_line(&path, "two").unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "one\n{\"cut\ntwo\n"
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
