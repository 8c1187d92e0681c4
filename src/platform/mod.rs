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
