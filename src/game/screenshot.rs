//! Automatic screenshots: capture the window after a few frames, save it as PNG, then quit.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};

/// Frames to render before capturing, so the window and egui have settled.
const CAPTURE_FRAME: u32 = 10;
/// Frames to keep running once the file is written.
const EXIT_DELAY: u32 = 3;
/// Give up (with an error) if no screenshot has been saved by this frame.
const TIMEOUT_FRAME: u32 = 1200;

/// Where to save the screenshot, and how far the capture has got.
#[derive(Resource)]
pub(super) struct AutoScreenshot {
    path: PathBuf,
    frame: u32,
    saved_at: Option<u32>,
}

impl AutoScreenshot {
    pub(super) fn new(path: PathBuf) -> Self {
        Self {
            path,
            frame: 0,
            saved_at: None,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, drive_screenshot);
}

fn drive_screenshot(
    mut commands: Commands,
    mut shot: ResMut<AutoScreenshot>,
    mut exit: MessageWriter<AppExit>,
) {
    shot.frame += 1;
    let frame = shot.frame;
    if frame == CAPTURE_FRAME {
        let mut save = save_to_disk(shot.path.clone());
        commands.spawn(Screenshot::primary_window()).observe(
            move |captured: On<ScreenshotCaptured>, mut shot: ResMut<AutoScreenshot>| {
                save(captured);
                shot.saved_at = Some(shot.frame);
            },
        );
    }
    if let Some(saved) = shot.saved_at
        && frame >= saved + EXIT_DELAY
    {
        if crate::platform::exists(&shot.path) {
            info!("Screenshot written to {}", shot.path.display());
            exit.write(AppExit::Success);
        } else {
            error!("Screenshot could not be saved to {}", shot.path.display());
            exit.write(AppExit::error());
        }
    } else if shot.saved_at.is_none() && frame >= TIMEOUT_FRAME {
        error!("No screenshot was captured after {TIMEOUT_FRAME} frames");
        exit.write(AppExit::error());
    }
}
