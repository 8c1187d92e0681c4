//! A Sankey diagram drawn with egui's painter: nodes in columns, ribbons as wide as the money
//! they carry, a tooltip naming each ribbon's actor and rule. Reusable for any flows.
use bevy_egui::egui::{self, Color32, Pos2, Rect, Sense, Stroke, Vec2, epaint::Mesh};

/// A box in the diagram: an actor or a stage.
#[derive(Clone, Debug)]
pub struct Node {
    pub label: String,
    /// Which column, from 0 on the left.
    pub column: usize,
    pub color: Color32,
}

/// A ribbon from one node to another.
#[derive(Clone, Debug)]
pub struct Link {
    pub from: usize,
    pub to: usize,
    /// The amount, or `None` when the layer hides it (drawn as a grey, equal share).
    pub value: Option<f64>,
    /// Shown on the ribbon when it is wide enough, e.g. "€16.67".
    pub label: String,
    /// Shown on hover: who gets it and by which rule.
    pub tooltip: String,
}

/// The diagram; add it with `ui.add(Sankey { .. })`.
pub struct Sankey<'a> {
    pub nodes: &'a [Node],
    pub links: &'a [Link],
    pub height: f32,
    /// The text of hidden ribbons' tooltips when they have none.
    pub hidden_text: &'a str,
}

const NODE_WIDTH: f32 = 14.0;
const GAP: f32 = 14.0;
const SEGMENTS: usize = 24;

/// Where each node sits, and where each ribbon leaves and arrives.
struct Layout {
    nodes: Vec<Rect>,
    /// (top at source, top at target, thickness) per link.
    links: Vec<(Pos2, Pos2, f32)>,
}

/// The width each link is drawn with: its value, or an equal share of what its source sends
/// for hidden links.
fn drawn_values(nodes: &[Node], links: &[Link]) -> Vec<f64> {
    let mut known_in = vec![0.0; nodes.len()];
    for l in links {
        if let (Some(v), Some(slot)) = (l.value, known_in.get_mut(l.to)) {
            *slot += v;
        }
    }
    links
        .iter()
        .map(|l| match l.value {
            Some(v) => v.max(0.0),
            None => {
                let siblings = links
                    .iter()
                    .filter(|o| o.from == l.from && o.value.is_none())
                    .count()
                    .max(1);
                known_in.get(l.from).copied().unwrap_or(0.0) / siblings as f64
            }
        })
        .collect()
}

fn layout(nodes: &[Node], links: &[Link], values: &[f64], rect: Rect) -> Layout {
    let columns = nodes.iter().map(|n| n.column).max().unwrap_or(0) + 1;
    let valid = |l: &Link| l.from < nodes.len() && l.to < nodes.len();
    let (mut inflow, mut outflow) = (vec![0.0f64; nodes.len()], vec![0.0f64; nodes.len()]);
    // Each link's place within its source's outflow and its target's inflow, in link order.
    let (mut out_at, mut in_at) = (vec![0.0f64; links.len()], vec![0.0f64; links.len()]);
    for (i, (l, v)) in links.iter().zip(values).enumerate() {
        if valid(l) {
            out_at[i] = outflow[l.from];
            in_at[i] = inflow[l.to];
            outflow[l.from] += v;
            inflow[l.to] += v;
        }
    }
    let size: Vec<f64> = (0..nodes.len())
        .map(|i| inflow[i].max(outflow[i]))
        .collect();
    let mut per_column = vec![(0.0f64, 0usize); columns];
    for (n, s) in nodes.iter().zip(&size) {
        per_column[n.column].0 += s;
        per_column[n.column].1 += 1;
    }
    let scale = per_column
        .iter()
        .filter(|(total, _)| *total > 0.0)
        .map(|(total, count)| {
            (f64::from(rect.height()) - GAP as f64 * (*count as f64 - 1.0).max(0.0)) / total
        })
        .fold(f64::INFINITY, f64::min);
    let scale = if scale.is_finite() {
        scale.max(0.0)
    } else {
        0.0
    };
    let column_x = |c: usize| {
        if columns == 1 {
            rect.left()
        } else {
            rect.left() + (rect.width() - NODE_WIDTH) * c as f32 / (columns - 1) as f32
        }
    };
    // Column by column, each node as high as the money reaching it allows, so that a small
    // node sits beside its source instead of at the top of its column.
    let mut node_rects = vec![Rect::NOTHING; nodes.len()];
    for c in 0..columns {
        let mut next_y = rect.top();
        for i in (0..nodes.len()).filter(|&i| nodes[i].column == c) {
            let desired = links
                .iter()
                .enumerate()
                .filter(|(_, l)| valid(l) && l.to == i && nodes[l.from].column < c)
                .map(|(k, l)| node_rects[l.from].top() + ((out_at[k] - in_at[k]) * scale) as f32)
                .fold(f32::INFINITY, f32::min);
            let top = if desired.is_finite() {
                desired.max(next_y)
            } else {
                next_y
            };
            let h = (size[i] * scale) as f32;
            node_rects[i] = Rect::from_min_size(
                Pos2::new(column_x(c), top),
                Vec2::new(NODE_WIDTH, h.max(1.0)),
            );
            next_y = top + h + GAP;
        }
    }
    let links = links
        .iter()
        .zip(values)
        .enumerate()
        .map(|(k, (l, v))| {
            if !valid(l) {
                return (Pos2::ZERO, Pos2::ZERO, 0.0);
            }
            let (a, b) = (node_rects[l.from], node_rects[l.to]);
            let start = Pos2::new(a.right(), a.top() + (out_at[k] * scale) as f32);
            let end = Pos2::new(b.left(), b.top() + (in_at[k] * scale) as f32);
            (start, end, (*v * scale) as f32)
        })
        .collect();
    Layout {
        nodes: node_rects,
        links,
    }
}

/// The ribbon's top and bottom at `t` in 0..=1, with a smooth S between its ends.
fn ribbon_at(start: Pos2, end: Pos2, thickness: f32, t: f32) -> (Pos2, Pos2) {
    let s = t * t * (3.0 - 2.0 * t);
    let x = start.x + (end.x - start.x) * t;
    let y = start.y + (end.y - start.y) * s;
    (Pos2::new(x, y), Pos2::new(x, y + thickness))
}

fn ribbon_mesh(start: Pos2, end: Pos2, thickness: f32, color: Color32) -> Mesh {
    let mut mesh = Mesh::default();
    for i in 0..=SEGMENTS {
        let (top, bottom) = ribbon_at(start, end, thickness, i as f32 / SEGMENTS as f32);
        mesh.colored_vertex(top, color);
        mesh.colored_vertex(bottom, color);
        if i > 0 {
            let k = (2 * i) as u32;
            mesh.add_triangle(k - 2, k - 1, k);
            mesh.add_triangle(k - 1, k + 1, k);
        }
    }
    mesh
}

/// Whether `p` is on the ribbon.
fn on_ribbon(start: Pos2, end: Pos2, thickness: f32, p: Pos2) -> bool {
    if end.x <= start.x || p.x < start.x || p.x > end.x {
        return false;
    }
    let (top, bottom) = ribbon_at(
        start,
        end,
        thickness.max(3.0),
        (p.x - start.x) / (end.x - start.x),
    );
    p.y >= top.y && p.y <= bottom.y
}

impl egui::Widget for Sankey<'_> {
    fn ui(self, ui: &mut egui::Ui) -> egui::Response {
        let width = ui.available_width().max(200.0);
        let (rect, response) =
            ui.allocate_exact_size(Vec2::new(width, self.height), Sense::hover());
        // Room on the right for the last column's labels.
        // Room on the right for the last column's widest label, up to 40% of the width.
        let font = egui::FontId::proportional(15.0);
        let text_color = ui.visuals().strong_text_color();
        let last = self.nodes.iter().map(|n| n.column).max().unwrap_or(0);
        let widest = self
            .nodes
            .iter()
            .filter(|n| n.column == last)
            .map(|n| {
                ui.painter()
                    .layout_no_wrap(n.label.clone(), font.clone(), text_color)
                    .size()
                    .x
            })
            .fold(0.0f32, f32::max);
        let margin = (widest + 16.0).clamp(60.0, rect.width() * 0.4);
        let inner = Rect::from_min_max(
            rect.min + Vec2::new(0.0, 4.0),
            Pos2::new(rect.right() - margin, rect.bottom() - 4.0),
        );
        let values = drawn_values(self.nodes, self.links);
        let lay = layout(self.nodes, self.links, &values, inner);
        let painter = ui.painter_at(rect);
        let hover = response.hover_pos();
        let mut hovered = None;
        // Amounts are written once the node labels are placed, where they cover none.
        let mut amounts = Vec::new();
        for (i, (l, &(start, end, t))) in self.links.iter().zip(&lay.links).enumerate() {
            if t <= 0.0 {
                continue;
            }
            let base = self.nodes.get(l.to).map_or(Color32::GRAY, |n| n.color);
            let is_hovered = hover.is_some_and(|p| on_ribbon(start, end, t, p));
            if is_hovered {
                hovered = Some(i);
            }
            let alpha = if is_hovered { 200 } else { 110 };
            let color = if l.value.is_none() {
                Color32::from_gray(150).gamma_multiply(0.5)
            } else {
                Color32::from_rgba_unmultiplied(base.r(), base.g(), base.b(), alpha)
            };
            painter.add(ribbon_mesh(start, end, t, color));
            if l.value.is_none() {
                // Hidden ribbons are grey with dashed edges: a pattern, not only a colour.
                let edge = |side: f32| -> Vec<Pos2> {
                    (0..=SEGMENTS)
                        .map(|k| {
                            let (top, bottom) =
                                ribbon_at(start, end, t, k as f32 / SEGMENTS as f32);
                            top + (bottom - top) * side
                        })
                        .collect()
                };
                let stroke = Stroke::new(1.5, Color32::from_gray(160));
                for side in [0.0, 1.0] {
                    painter.extend(egui::Shape::dashed_line(&edge(side), stroke, 6.0, 4.0));
                }
                let (top, bottom) = ribbon_at(start, end, t, 0.5);
                painter.line_segment([top, bottom], Stroke::new(1.0, Color32::from_gray(120)));
            }
            if t >= 14.0 && !l.label.is_empty() {
                amounts.push((start, end, t, &l.label, color));
            }
        }
        for (n, r) in self.nodes.iter().zip(&lay.nodes) {
            painter.rect_filled(*r, 2.0, n.color);
        }
        // Labels last, on a dark plate so they read over the ribbons. A label wraps within the
        // gap to the next column, and slides down below the one above it rather than cover it.
        let column_left = |c: usize| {
            self.nodes
                .iter()
                .zip(&lay.nodes)
                .filter(|(n, _)| n.column == c)
                .map(|(_, r)| r.left())
                .fold(f32::INFINITY, f32::min)
        };
        let mut labels = Vec::new();
        for c in 0..=last {
            let mut in_column: Vec<(&Node, &Rect)> = self
                .nodes
                .iter()
                .zip(&lay.nodes)
                .filter(|(n, _)| n.column == c)
                .collect();
            in_column.sort_by(|a, b| a.1.top().total_cmp(&b.1.top()));
            let mut below = rect.top();
            for (n, r) in in_column {
                let room = if c == last {
                    rect.right() - r.right() - 10.0
                } else {
                    column_left(c + 1) - r.right() - 12.0
                };
                let galley =
                    painter.layout(n.label.clone(), font.clone(), text_color, room.max(40.0));
                // Tall nodes carry their label near the top, clear of the amount in the ribbon.
                let wanted = if r.height() > 80.0 {
                    r.top() + 6.0
                } else {
                    r.center().y - galley.size().y / 2.0
                };
                let pos = Pos2::new(r.right() + 6.0, wanted.max(below));
                let plate = Rect::from_min_size(pos, galley.size()).expand(3.0);
                below = plate.bottom() + 1.0;
                labels.push((plate, pos, galley));
            }
        }
        for (start, end, t, text, color) in amounts {
            let galley = painter.layout_no_wrap(
                text.clone(),
                egui::FontId::proportional(13.0),
                // Black or white, whichever reads on this ribbon (WCAG AA).
                super::contrast::text_on(super::contrast::over(color, ui.visuals().panel_fill)),
            );
            // Along the ribbon, then in its lower half: the first place no label covers.
            let h = galley.size().y;
            let at = |(along, down): (f32, f32)| {
                let (top, _) = ribbon_at(start, end, t, along);
                let y = (t / 2.0 + down).min(t - h / 2.0);
                Rect::from_center_size(top + Vec2::new(0.0, y), galley.size())
            };
            let clear = [0.55, 0.75, 0.35]
                .into_iter()
                .flat_map(|along| [(along, 0.0), (along, t)])
                .map(at)
                .find(|r| labels.iter().all(|(plate, _, _)| !plate.intersects(*r)));
            if let Some(r) = clear {
                painter.galley(r.min, galley, Color32::WHITE);
            }
        }
        for (plate, pos, galley) in labels {
            painter.rect_filled(plate, 3.0, ui.visuals().extreme_bg_color);
            painter.galley(pos, galley, text_color);
        }
        match hovered.and_then(|i| self.links.get(i)) {
            Some(l) => {
                let text = if l.tooltip.is_empty() && l.value.is_none() {
                    self.hidden_text.to_string()
                } else {
                    l.tooltip.clone()
                };
                response.on_hover_text(text)
            }
            None => response,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nodes() -> Vec<Node> {
        ["payer", "shop", "state", "kept"]
            .iter()
            .zip([0, 1, 2, 2])
            .map(|(l, c)| Node {
                label: l.to_string(),
                column: c,
                color: Color32::RED,
            })
            .collect()
    }

    fn link(from: usize, to: usize, value: Option<f64>) -> Link {
        Link {
            from,
            to,
            value,
            label: String::new(),
            tooltip: String::new(),
        }
    }

    #[test]
    fn ribbons_are_as_wide_as_their_money_and_stack_on_their_nodes() {
        let links = [
            link(0, 1, Some(100.0)),
            link(1, 2, Some(20.0)),
            link(1, 3, Some(80.0)),
        ];
        let values = drawn_values(&nodes(), &links);
        let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(400.0, 214.0));
        let lay = layout(&nodes(), &links, &values, rect);
        // Column 2 holds two nodes and one gap: 200 px for 100 units.
        assert!((lay.links[0].2 - 200.0).abs() < 0.01);
        assert!((lay.links[1].2 - 40.0).abs() < 0.01);
        // The second ribbon out of the shop starts where the first one ends.
        assert!((lay.links[2].0.y - lay.links[1].0.y - 40.0).abs() < 0.01);
        assert!(on_ribbon(
            lay.links[0].0,
            lay.links[0].1,
            lay.links[0].2,
            Pos2::new(100.0, 100.0)
        ));
    }

    #[test]
    fn hidden_ribbons_share_what_their_source_received() {
        let links = [link(0, 1, Some(90.0)), link(1, 2, None), link(1, 3, None)];
        assert_eq!(drawn_values(&nodes(), &links), vec![90.0, 45.0, 45.0]);
    }
}
