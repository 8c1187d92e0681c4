//! The browser's side of the platform: the game's "files" (session logs, the feedback log) live
//! in the page's local storage, so they survive a reload; files go out as downloads; the page
//! hears which screen is open and hands over a scenario file the player opened.
//!
//! A file is one storage item under `glassbank:PATH`, written with one `setItem` (the old text
//! or the new, never half). An appended log adds one item per append, `glassbank:PATH|000001`
//! and on: nothing already stored is ever rewritten. A full storage gives a message.
use crate::i18n::Message;
use std::path::{Path, PathBuf};
use wasm_bindgen::{JsCast, JsValue};

const PREFIX: &str = "glassbank:";

fn storage() -> Result<web_sys::Storage, Message> {
    web_sys::window()
        .ok_or_else(|| Message::new("web-no-window"))?
        .local_storage()
        .ok()
        .flatten()
        .ok_or_else(|| Message::new("web-no-storage"))
}

fn key(path: &Path) -> String {
    format!("{PREFIX}{}", path.display())
}

fn part_key(key: &str, n: u32) -> String {
    format!("{key}|{n:06}")
}

fn time_key(key: &str) -> String {
    format!("{key}|t")
}

/// Why the browser refused to keep something, in words.
fn refused(path: &Path, e: JsValue) -> Message {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    let reason = if name.contains("Quota") {
        Message::new("web-storage-full")
    } else {
        Message::new("web-storage-refused").with("name", name)
    };
    Message::new("io-file")
        .with("path", path.display().to_string())
        .with("reason", reason)
}

fn get(s: &web_sys::Storage, key: &str) -> Option<String> {
    s.get_item(key).ok().flatten()
}

/// The appended parts of a log, in order.
fn parts(s: &web_sys::Storage, key: &str) -> Vec<String> {
    (1..).map_while(|n| get(s, &part_key(key, n))).collect()
}

fn touch(s: &web_sys::Storage, key: &str) {
    let _ = s.set_item(&time_key(key), &js_sys::Date::now().to_string());
}

/// Reads a stored text.
pub fn read_text(path: &Path) -> Result<String, Message> {
    let s = storage()?;
    let k = key(path);
    let base = get(&s, &k);
    let parts = parts(&s, &k);
    if base.is_none() && parts.is_empty() {
        return Err(Message::new("io-file")
            .with("path", path.display().to_string())
            .with("reason", Message::new("web-not-kept")));
    }
    let mut text = base.unwrap_or_default();
    for p in parts {
        text.push_str(&p);
    }
    Ok(text)
}

/// Whether a text is stored under this path.
pub fn exists(path: &Path) -> bool {
    read_text(path).is_ok()
}

/// Stores a text, replacing what was there.
pub fn write_text(path: &Path, text: &str) -> Result<(), Message> {
    write_atomically(path, text)
}

/// Replaces a stored text all at once (one `setItem`), dropping parts appended before.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), Message> {
    let s = storage()?;
    let k = key(path);
    s.set_item(&k, text).map_err(|e| refused(path, e))?;
    for n in (1..).take_while(|&n| get(&s, &part_key(&k, n)).is_some()) {
        let _ = s.remove_item(&part_key(&k, n));
    }
    touch(&s, &k);
    Ok(())
}

/// Appends one line to a stored log.
pub fn append_line(path: &Path, line: &str) -> Result<(), Message> {
    append_lines(path, &[line])
}

/// Appends lines to a stored log as one new item: all of them are kept or, if the storage is
/// full, none, and the player is told.
pub fn append_lines(path: &Path, lines: &[&str]) -> Result<(), Message> {
    let s = storage()?;
    let k = key(path);
    let parts = parts(&s, &k);
    let next = parts.len() as u32 + 1;
    let mut record = String::new();
    // A stored text that does not end its last line gets it closed first.
    let last = parts
        .last()
        .cloned()
        .or_else(|| get(&s, &k))
        .unwrap_or_default();
    if !last.is_empty() && !last.ends_with('\n') {
        record.push('\n');
    }
    for line in lines {
        record.push_str(line);
        record.push('\n');
    }
    s.set_item(&part_key(&k, next), &record)
        .map_err(|e| refused(path, e))?;
    touch(&s, &k);
    Ok(())
}

/// Nothing to create: storage has no folders.
pub fn create_dir_all(_dir: &Path) {}

/// Where the game's texts are kept in the browser's storage.
pub fn data_dir() -> PathBuf {
    PathBuf::from("glassbank")
}

/// No terminal in a browser.
pub fn stderr_is_terminal() -> bool {
    false
}

/// The stored texts of a "folder" with an extension, sorted.
pub fn list_files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let Ok(s) = storage() else {
        return Vec::new();
    };
    let folder = format!("{PREFIX}{}/", dir.display());
    let suffix = format!(".{extension}");
    let mut files: Vec<PathBuf> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| {
            let name = k.strip_prefix(&folder)?;
            (!name.contains('/') && !name.contains('|') && name.ends_with(&suffix))
                .then(|| dir.join(name))
        })
        .collect();
    files.sort();
    files
}

/// The stored texts of a "folder", the most recently changed first.
pub fn list_files_newest_first(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let Ok(s) = storage() else {
        return Vec::new();
    };
    let mut files: Vec<(f64, PathBuf)> = list_files(dir, extension)
        .into_iter()
        .map(|p| {
            let when = get(&s, &time_key(&key(&p)))
                .and_then(|t| t.parse().ok())
                .unwrap_or(0.0);
            (when, p)
        })
        .collect();
    files.sort_by(|a, b| b.0.total_cmp(&a.0));
    files.into_iter().map(|(_, p)| p).collect()
}

/// Hands a text to the player as a downloaded file.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), Message> {
    let fail = |what: &'static str| Message::new(what).with("name", name);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("web-download-no-page"))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("web-download-no-file"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| fail("web-download-no-file"))?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .ok_or_else(|| fail("web-download-no-link"))?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Opens a page of this server in a new tab (the room's report); a browser that blocks it
/// says nothing, so the game is told.
pub fn open_page(url: &str) -> Result<(), Message> {
    let opened = web_sys::window().and_then(|w| w.open_with_url_and_target(url, "_blank").ok());
    match opened.flatten() {
        Some(_) => Ok(()),
        None => Err(Message::new("web-page-blocked")),
    }
}

fn window_set(name: &str, value: &JsValue) {
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &name.into(), value);
    }
}

/// Tells the page which screen is open (`window.glassbankScreen`), and when the game first
/// drew (`window.glassbankReadyAt`, milliseconds after navigation): the page then drops its
/// loading indicator.
pub fn show_screen(name: &str) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let first = js_sys::Reflect::get(&w, &"glassbankReadyAt".into())
        .map(|v| v.is_undefined())
        .unwrap_or(false);
    if first && let Some(p) = w.performance() {
        window_set("glassbankReadyAt", &JsValue::from_f64(p.now()));
    }
    window_set("glassbankScreen", &JsValue::from_str(name));
}

/// The control a browser test asks to press by its label (`window.glassbankPress`), taken once.
pub fn take_press() -> Option<String> {
    let w = web_sys::window()?;
    let asked = js_sys::Reflect::get(&w, &"glassbankPress".into()).ok()?;
    if asked.is_undefined() || asked.is_null() {
        return None;
    }
    window_set("glassbankPress", &JsValue::UNDEFINED);
    asked.as_string()
}

/// The controls a browser test may press, as drawn on the last frame: their labels
/// (`window.glassbankLabels`) and where each is, in CSS pixels (`window.glassbankControls`,
/// label to `[x, y, width, height]`).
pub fn show_controls(controls: &[(String, [f32; 4])]) {
    let list = js_sys::Array::new();
    let places = js_sys::Object::new();
    for (label, rect) in controls {
        list.push(&JsValue::from_str(label));
        let place = js_sys::Array::new();
        for v in rect {
            place.push(&JsValue::from_f64(f64::from(*v)));
        }
        let _ = js_sys::Reflect::set(&places, &JsValue::from_str(label), &place);
    }
    window_set("glassbankLabels", &list);
    window_set("glassbankControls", &places);
}

/// A scenario file the player opened in the page (`window.glassbankOpened`, set by the
/// page's file picker), taken once: its name and text.
pub fn take_opened_scenario() -> Option<(String, String)> {
    let w = web_sys::window()?;
    let opened = js_sys::Reflect::get(&w, &"glassbankOpened".into()).ok()?;
    if opened.is_undefined() || opened.is_null() {
        return None;
    }
    window_set("glassbankOpened", &JsValue::UNDEFINED);
    let field = |f: &str| js_sys::Reflect::get(&opened, &f.into()).ok()?.as_string();
    Some((field("name")?, field("text")?))
}

/// Opens the page's file picker for a scenario file.
pub fn pick_scenario_file() {
    let picker = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("scenario-file"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(picker) = picker {
        picker.click();
    }
}

/// The browser's preferred language code, such as `fr-FR`.
pub fn preferred_language() -> Option<String> {
    web_sys::window()?.navigator().language()
}

/// Whether the page's address asks for facilitator mode (`?facilitator`).
pub fn facilitator_requested() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q.contains("facilitator"))
}

/// In a browser the page is the window.
pub fn has_display() -> bool {
    true
}

/// The room code the page's address carries (`?room=ABCD`, from the projector's QR code).
pub fn room_requested() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("room="))
        .map(str::to_string)
        .filter(|code| !code.is_empty())
}

/// The room's WebSocket on the server that sent this page.
pub fn room_socket() -> Option<String> {
    let location = web_sys::window()?.location();
    let host = location.host().ok()?;
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    Some(format!("{scheme}://{host}/ws"))
}

/// The room's secret the facilitator's link carries after `#host=`: a fragment, which the
/// browser never sends to the server, so it is in no request line or log.
pub fn host_secret_requested() -> Option<String> {
    in_fragment("host=")
}

/// The personal secret a participant's link from a class's roster carries after `#me=`.
pub fn personal_token_requested() -> Option<String> {
    in_fragment("me=")
}

/// A value of the page address's fragment (`#key=value&...`).
fn in_fragment(key: &str) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix(key))
        .map(str::to_string)
        .filter(|value| !value.is_empty())
}

/// The seat the page's address asks for (`&seat=retail-0`, a link the facilitator handed out).
pub fn seat_requested() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("seat="))
        .map(str::to_string)
}
