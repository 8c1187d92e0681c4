//! Hosting a networked workshop from the desktop game: the facilitator opens a room for the
//! chosen scenario (the same server as `glassbank serve`), projects its code, address and QR
//! code, sees who is connected and who has decided, and pauses, plays the month now, goes
//! back, reveals a layer, sets the time per month or hands a missing player's seat to a bot.
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::facilitator::{self, Console};
use super::{Action, Catalog, Screen, Tr, root_ui};
use crate::i18n::Translations;
use crate::net::{Command, Room};
use crate::serve::{Files, Hosted, Qr, ServeOptions};
use crate::session::Command as Do;

pub fn plugin(app: &mut App) {
    app.init_resource::<Hosting>().add_systems(
        EguiPrimaryContextPass,
        system.run_if(in_state(Screen::Host)),
    );
}

/// The room this game serves, if any, and the facilitator's choices for it.
#[derive(Resource, Default)]
pub struct Hosting {
    pub room: Option<Hosted>,
    pub form: Form,
    /// The last command's refusal, or why the room did not open, in the facilitator's words.
    pub error: Option<String>,
    /// The projector (F3) rather than the console.
    pub projector: bool,
    /// The console's sliders and message, as at one table.
    pub console: Console,
    /// The web build players' browsers load is not there.
    pub web_missing: bool,
}

/// How to open the room.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub port: u16,
    /// Listen on every network interface (the players' devices), or on this computer only.
    pub lan: bool,
    /// How many people will play (0: the scenario's seats).
    pub players: usize,
    pub minutes: u32,
    /// Start afresh even if the room of this scenario was saved.
    pub fresh: bool,
}

impl Default for Form {
    fn default() -> Self {
        Form {
            port: 8080,
            lan: true,
            players: 0,
            minutes: 0,
            fresh: false,
        }
    }
}

/// Where players join: the address, and its QR code made once (not every frame).
#[derive(Clone, Copy)]
pub struct Join<'a> {
    pub url: &'a str,
    pub qr: Option<&'a Qr>,
}

/// What the facilitator asks for on this screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Asked {
    Open,
    Close,
    Room(Command),
    Projector(bool),
    /// The class's report, in the desktop's browser.
    Report,
    Back,
}

impl Form {
    /// The server's options for a scenario, its files in the data folder.
    pub fn options(&self, data: &std::path::Path, scenario_id: &str) -> ServeOptions {
        let ip = if self.lan {
            std::net::Ipv4Addr::UNSPECIFIED
        } else {
            std::net::Ipv4Addr::LOCALHOST
        };
        ServeOptions {
            address: std::net::SocketAddr::from((ip, self.port)),
            players: self.players,
            tables: 1,
            treatments: Vec::new(),
            minutes: self.minutes,
            away_seconds: 0,
            seed: None,
            web: std::path::PathBuf::from("web/dist"),
            files: Files {
                room: crate::serve::room_file(data, scenario_id),
                feedback: data.join("feedback.jsonl"),
            },
            fresh: self.fresh,
            limits: crate::serve::Limits::default(),
            roster: Vec::new(),
            lesson_seeds: (1..=crate::headless::LESSON_SEEDS).collect(),
        }
    }
}

/// The form that opens a room for the chosen scenario.
pub fn form(ui: &mut egui::Ui, tr: &Translations, title: &str, form: &mut Form) -> Vec<Asked> {
    let mut out = Vec::new();
    ui.heading(tr.format("host-title", &[("scenario", title.into())]));
    ui.label(tr.get("host-explain"));
    ui.add_space(8.0);
    egui::Grid::new("host-form").num_columns(2).show(ui, |ui| {
        ui.label(tr.get("host-port"));
        ui.add(egui::DragValue::new(&mut form.port).range(1024..=65535));
        ui.end_row();
        ui.label(tr.get("host-players"));
        ui.add(egui::Slider::new(&mut form.players, 0..=30))
            .on_hover_text(tr.get("host-players-why"));
        ui.end_row();
        ui.label(tr.get("console-timer"));
        ui.add(egui::Slider::new(&mut form.minutes, 0..=10).suffix(" min"));
        ui.end_row();
    });
    ui.checkbox(&mut form.lan, tr.get("host-lan"));
    ui.checkbox(&mut form.fresh, tr.get("host-fresh"));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(tr.get("back")).clicked() {
            out.push(Asked::Back);
        }
        if ui.button(tr.get("host-open")).clicked() || super::screens::enter_pressed(ui) {
            out.push(Asked::Open);
        }
    });
    out
}

/// Where to join: the room's code in large type, the address and its QR code.
pub fn join_card(ui: &mut egui::Ui, tr: &Translations, code: &str, join: Join, side: f32) {
    ui.label(egui::RichText::new(tr.get("host-join-at")).size(20.0));
    // The address and the code grow with the QR code (the projector's start page).
    let url_size = (side / 17.0).clamp(15.0, 26.0);
    ui.label(
        egui::RichText::new(join.url)
            .monospace()
            .size(url_size)
            .strong(),
    );
    ui.label(egui::RichText::new(tr.get("room-code")).size(20.0));
    let code_size = (side / 5.0).clamp(56.0, 96.0);
    ui.label(
        egui::RichText::new(code)
            .monospace()
            .size(code_size)
            .strong(),
    );
    if let Some(qr) = join.qr {
        qr_code(ui, qr, side);
    }
}

/// The QR code with the console's button, the address and the room's code beside it.
fn join_beside(
    ui: &mut egui::Ui,
    code: &str,
    join: Join,
    side: f32,
    back: &mut impl FnMut(&mut egui::Ui),
) {
    ui.horizontal(|ui| {
        if let Some(qr) = join.qr {
            qr_code(ui, qr, side);
        }
        ui.vertical(|ui| {
            back(ui);
            ui.label(egui::RichText::new(join.url).monospace().strong());
            let size = (side / 4.0).clamp(40.0, 96.0);
            ui.label(egui::RichText::new(code).monospace().size(size).strong());
        });
    });
}

/// A QR code drawn square by square, black on white with its quiet zone, `side` points wide.
fn qr_code(ui: &mut egui::Ui, qr: &Qr, side: f32) {
    let width = qr.width;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    // Four modules of white around the code, as scanners expect.
    let module = side / (width + 8) as f32;
    for (i, _) in qr.dark.iter().enumerate().filter(|(_, d)| **d) {
        let (x, y) = ((i % width + 4) as f32, (i / width + 4) as f32);
        let min = rect.min + egui::vec2(x * module, y * module);
        painter.rect_filled(
            egui::Rect::from_min_size(min, egui::vec2(module, module)).expand(0.3),
            0.0,
            egui::Color32::BLACK,
        );
    }
}

/// The console of an open room: where to join on the left, the table and the commands.
pub fn console(
    ui: &mut egui::Ui,
    tr: &Translations,
    room: &Room,
    join: Join,
    console: &mut Console,
    notices: &[String],
) -> Vec<Asked> {
    let mut out = Vec::new();
    egui::Panel::top("host-top").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(tr.format("room-in", &[("room", room.code().into())]));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr.get("host-close")).clicked() {
                    out.push(Asked::Close);
                }
                if ui.button(tr.get("console-to-projector")).clicked() {
                    out.push(Asked::Projector(true));
                }
                if room.report().is_some() && ui.button(tr.get("tablet-report")).clicked() {
                    out.push(Asked::Report);
                }
            });
        });
    });
    if !notices.is_empty() {
        egui::Panel::bottom("host-notices").show(ui, |ui| {
            for line in notices {
                ui.colored_label(ui.visuals().error_fg_color, line);
            }
        });
    }
    let narrow = ui.available_width() < super::screens::turn::NARROW;
    let mut body = |ui: &mut egui::Ui, out: &mut Vec<Asked>| {
        let session = room.session();
        seats(ui, tr, room, join.url, out);
        let room_commands = table(ui, tr, room, console);
        ui.separator();
        let asked = facilitator::show(ui, tr, session, console, false);
        let room_commands = room_commands
            .into_iter()
            .chain(asked.into_iter().filter_map(to_room));
        out.extend(room_commands.map(Asked::Room));
    };
    if narrow {
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                join_card(ui, tr, room.code(), join, 220.0);
                facilitator_link(ui, tr, room, join.url);
                ui.separator();
                body(ui, &mut out);
            });
        });
        return out;
    }
    egui::Panel::left("host-join")
        .default_size(320.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("host-join-scroll")
                .show(ui, |ui| {
                    join_card(ui, tr, room.code(), join, 260.0);
                    facilitator_link(ui, tr, room, join.url);
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("host-console")
            .show(ui, |ui| body(ui, &mut out));
    });
    out
}

/// The link that opens the console on the facilitator's tablet: on the console only, never on
/// the projector, since it carries the room's secret.
fn facilitator_link(ui: &mut egui::Ui, tr: &Translations, room: &Room, url: &str) {
    ui.add_space(12.0);
    ui.label(tr.get("host-facilitator-link"));
    let link = format!("{url}#host={}", room.secret());
    // Whole on the screen, broken across lines, and selectable to copy.
    ui.add(
        egui::Label::new(egui::RichText::new(link).monospace())
            .wrap_mode(egui::TextWrapMode::Wrap)
            .selectable(true),
    );
}

/// One line per seat: who plays it and where they are; a bot can take a seat, and a taken seat
/// can be freed (its player let go, its link stops working).
fn seats(ui: &mut egui::Ui, tr: &Translations, room: &Room, url: &str, out: &mut Vec<Asked>) {
    let session = room.session();
    ui.strong(tr.get("console-table"));
    if session.is_finished() {
        ui.label(tr.get("console-finished"));
    }
    egui::Grid::new("host-seats")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            for s in room.seat_states() {
                // The role and the bank's, shop's or household's name (no view: it is drawn
                // every frame for up to 30 seats); the link that gives this seat to a player.
                let role = tr.get(super::panels::role_key(s.seat));
                let name = crate::net::actor_name(session, s.seat);
                let code = crate::net::seat_code(s.seat);
                ui.label(format!("{role}, {name} · {code}"))
                    .on_hover_text(format!("{url}&seat={code}"));
                ui.label(tr.get(s.state_key()));
                if !s.bot && !session.is_finished() {
                    if ui
                        .button(tr.get("host-bot"))
                        .on_hover_text(tr.get("host-bot-why"))
                        .clicked()
                    {
                        out.push(Asked::Room(Command::StandIn { seat: s.seat }));
                    }
                } else {
                    ui.label("");
                }
                if (s.taken || s.bot) && !session.is_finished() {
                    if ui
                        .button(tr.get("host-free"))
                        .on_hover_text(tr.get("host-free-why"))
                        .clicked()
                    {
                        out.push(Asked::Room(Command::Free { seat: s.seat }));
                    }
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
}

/// Under the seats: play the month now, a message for the room, the time for each month.
fn table(ui: &mut egui::Ui, tr: &Translations, room: &Room, console: &mut Console) -> Vec<Command> {
    let mut out = Vec::new();
    let session = room.session();
    if !session.is_finished() && facilitator::play_now_button(ui, tr, session) {
        out.push(Command::Table(Do::Advance));
    }
    ui.separator();
    if let Some(message) = facilitator::message_box(ui, tr, console) {
        out.push(Command::Table(Do::Announce { message }));
    }
    ui.horizontal(|ui| {
        ui.label(tr.get("console-timer"));
        let mut minutes = room.minutes();
        if ui
            .add(egui::Slider::new(&mut minutes, 0..=10).suffix(" min"))
            .changed()
        {
            out.push(Command::Minutes { minutes });
        }
    });
    out
}

/// A command of the one-table console as the room's: the table's commands travel as they are,
/// the timer becomes the room's minutes; none for what only the desktop does (the second
/// table, the screen shown).
pub fn to_room(command: facilitator::Command) -> Option<Command> {
    use facilitator::Command as Asked;
    Some(match command {
        Asked::Table(command) => Command::Table(command),
        Asked::Timer(minutes) => Command::Minutes { minutes },
        Asked::Compare(_) | Asked::Show(_) => return None,
    })
}

/// The projector: where to join beside the game's value chain and charts, in large type;
/// before the first month, where to join alone.
pub fn projector(ui: &mut egui::Ui, tr: &Translations, room: &Room, join: Join) -> Vec<Asked> {
    let mut out = Vec::new();
    let mut back = |ui: &mut egui::Ui| {
        if ui.button(tr.get("host-to-console")).clicked() {
            out.push(Asked::Projector(false));
        }
    };
    if room.session().played().is_empty() {
        // Before the first month: only where to join, as large as the window allows, for
        // everyone to scan.
        egui::CentralPanel::default().show(ui, |ui| {
            let height = ui.available_height();
            if height < 560.0 {
                // A short window (200%): the QR code beside the address and the code.
                let side = (height - 24.0).clamp(160.0, 520.0);
                join_beside(ui, room.code(), join, side, &mut back);
            } else {
                // Room for the button, the address and the code above the QR code.
                let side = (height - 300.0).clamp(160.0, 520.0);
                super::screens::centred_page(ui, 0.02, |ui| {
                    back(ui);
                    join_card(ui, tr, room.code(), join, side);
                });
            }
        });
        return out;
    }
    if ui.available_width() < super::screens::turn::NARROW {
        // A narrow window (200%): the QR code beside the code and address, above the game.
        egui::Panel::top("host-projector-join").show(ui, |ui| {
            join_beside(ui, room.code(), join, 160.0, &mut back);
        });
    } else {
        egui::Panel::left("host-projector-join")
            .default_size(340.0)
            .show(ui, |ui| {
                back(ui);
                join_card(ui, tr, room.code(), join, 300.0);
            });
    }
    super::facilitator::projector(ui, tr, room.session());
    out
}

/// Opens the room for the chosen scenario; why not, in the facilitator's words.
fn open(
    hosting: &mut Hosting,
    catalog: &Catalog,
    data: &std::path::Path,
    tr: &Translations,
) -> Result<(), String> {
    let Some(Ok(scenario)) = catalog.chosen().map(|e| &e.scenario) else {
        return Err(tr.get("no-scenarios"));
    };
    let options = hosting.form.options(data, scenario.id());
    hosting.web_missing = !crate::platform::exists(&options.web.join("index.html"));
    let hosted = Hosted::open(scenario.clone(), options).map_err(|why| tr.message(&why))?;
    hosting.console = Console::default();
    hosting.room = Some(hosted);
    Ok(())
}

fn system(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    catalog: Res<Catalog>,
    records: Res<super::records::Records>,
    mut hosting: ResMut<Hosting>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if ctx.input(|i| i.key_pressed(egui::Key::F3)) && hosting.room.is_some() {
        hosting.projector = !hosting.projector;
    }
    let mut root = root_ui(ctx);
    let hosting = &mut *hosting;
    let asked = match &hosting.room {
        None => {
            let title = catalog
                .chosen()
                .and_then(|e| e.scenario.as_ref().ok())
                .map(|s| s.title().get(tr.0.language().code()).to_string())
                .unwrap_or_default();
            let mut out = Vec::new();
            egui::CentralPanel::default().show(&mut root, |ui| {
                super::screens::centred_page(ui, 0.1, |ui| {
                    out = form(ui, &tr.0, &title, &mut hosting.form);
                    if let Some(error) = &hosting.error {
                        ui.colored_label(ui.visuals().error_fg_color, error);
                    }
                });
            });
            out
        }
        Some(hosted) => {
            let hub = crate::serve::lock(&hosted.shared);
            let join = Join {
                url: &hosted.url,
                qr: hosted.qr.as_ref(),
            };
            if hosting.projector {
                projector(&mut root, &tr.0, &hub.room, join)
            } else {
                let web = hosting.web_missing.then(|| {
                    let path = hosted.options.web.display().to_string();
                    tr.0.message(&crate::i18n::Message::new("serve-no-web").with("path", path))
                });
                // A room whose file cannot be written says so until it can.
                let unsaved = hub.save_problem().map(|why| {
                    tr.0.message(&crate::i18n::Message::new("serve-not-saved").with("reason", why))
                });
                let notices: Vec<String> = web
                    .into_iter()
                    .chain(unsaved)
                    .chain(hosting.error.clone())
                    .collect();
                console(
                    &mut root,
                    &tr.0,
                    &hub.room,
                    join,
                    &mut hosting.console,
                    &notices,
                )
            }
        }
    };
    for asked in asked {
        hosting.error = None;
        match asked {
            Asked::Open => {
                if let Err(why) = open(hosting, &catalog, &records.data_dir, &tr.0) {
                    hosting.error = Some(why);
                }
            }
            Asked::Close => {
                if let Some(mut hosted) = hosting.room.take() {
                    hosted.close();
                }
                hosting.projector = false;
            }
            Asked::Room(command) => {
                if let Some(hosted) = &hosting.room
                    && let Err(why) = hosted.facilitate(command)
                {
                    hosting.error = Some(tr.0.message(&why));
                }
            }
            Asked::Projector(on) => hosting.projector = on,
            Asked::Report => {
                let url = hosting
                    .room
                    .as_ref()
                    .and_then(|hosted| hosted.report_url(tr.0.language()));
                if let Some(url) = url
                    && let Err(why) = crate::platform::open_page(&url)
                {
                    hosting.error = Some(tr.0.message(&why));
                }
            }
            Asked::Back => {
                actions.write(Action::Open(Screen::Choice));
            }
        }
    }
    Ok(())
}

/// For the tour: a room for this computer only, on a port the system picks, started afresh
/// with a bot in the last seat; then `months` played, and its console or its projector.
pub fn show_in_tour(world: &mut World, projector: bool, months: u16) {
    world.resource_scope(|world, mut hosting: Mut<Hosting>| {
        if hosting.room.is_none() {
            hosting.form = Form {
                port: 0,
                lan: false,
                fresh: true,
                ..Form::default()
            };
            let data = world.resource::<super::records::Records>().data_dir.clone();
            let (catalog, tr) = (world.resource::<Catalog>(), &world.resource::<Tr>().0);
            if let Err(why) = open(&mut hosting, catalog, &data, tr) {
                error!("The tour's room did not open: {why}");
                hosting.error = Some(why);
            }
            if let Some(hosted) = &hosting.room {
                let last = crate::serve::lock(&hosted.shared)
                    .room
                    .session()
                    .humans()
                    .last()
                    .copied();
                if let Some(seat) = last {
                    let _ = hosted.facilitate(Command::StandIn { seat });
                }
            }
        }
        // Months played with the seats' first choices, for the projector's flows.
        if let Some(hosted) = &hosting.room {
            for _ in 0..months {
                let _ = hosted.facilitate(Command::Table(Do::Advance));
            }
        }
        hosting.projector = projector;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_one_table_consoles_commands_become_the_rooms() {
        use crate::session::Question;
        let pause = Do::Pause {
            question: Some(Question::Discussion(0)),
        };
        assert_eq!(
            to_room(facilitator::Command::Table(pause.clone())),
            Some(Command::Table(pause))
        );
        assert_eq!(
            to_room(facilitator::Command::Timer(3)),
            Some(Command::Minutes { minutes: 3 })
        );
        assert_eq!(
            to_room(facilitator::Command::Compare(
                crate::sim::Transparency::Glass
            )),
            None
        );
    }
}
