//! What differs between the desktop and the browser: reading files. The rest of the crate
//! never touches the file system directly.

/// Reads a text file (desktop only).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_text(path: &std::path::Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Whether a file exists (desktop only).
#[cfg(not(target_arch = "wasm32"))]
pub fn exists(path: &std::path::Path) -> bool {
    path.exists()
}

/// Writes a text file, creating its folder (desktop only).
#[cfg(not(target_arch = "wasm32"))]
pub fn write_text(path: &std::path::Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Whether standard error is a terminal, where progress may be drawn (desktop only).
#[cfg(not(target_arch = "wasm32"))]
pub fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
}

/// The files of a folder with an extension, sorted (desktop only; none if the folder is missing).
#[cfg(not(target_arch = "wasm32"))]
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

/// A clock for measuring how long work takes (frame budgets); works in the browser too.
pub fn now() -> web_time::Instant {
    web_time::Instant::now()
}

/// Creates a folder and its parents; a failure shows when writing into it (desktop only).
#[cfg(not(target_arch = "wasm32"))]
pub fn create_dir_all(dir: &std::path::Path) {
    if !dir.as_os_str().is_empty() {
        let _ = std::fs::create_dir_all(dir);
    }
}
