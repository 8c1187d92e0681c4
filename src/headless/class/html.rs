//! The class report as one self-contained HTML page: no script, no file or font from elsewhere, bar charts drawn in inline SVG, every word in the facilitator's language.
use std::fmt::Write;

use super::{Class, Effect, Learning, Summary};
use crate::i18n::format::decimal;
use crate::i18n::{Translations, layer_key};
use crate::scenario::QuestionSpec;
use crate::sim::Transparency;

/// Text made safe for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A bar colour per treatment, told apart in grey too (opaque dark, glass light).
fn colour(t: Transparency) -> &'static str {
    match t {
        Transparency::Opaque => "#44475a",
        Transparency::Disclosed => "#8a6d3b",
        Transparency::Glass => "#4f9fd6",
    }
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:right}\
th:first-child,td:first-child{text-align:left}caption{text-align:left;font-weight:bold;margin-bottom:.3em}\
.note{color:#555;font-size:.9em}svg text{font-size:12px;font-family:system-ui,sans-serif}";

/// The page.
pub fn page(class: &Class, tr: &Translations) -> String {
    let lang = tr.language();
    let title = class.title.get(lang.code());
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{STYLE}</style></head><body>",
        lang.code(),
        esc(&tr.format("report-title", &[("scenario", title.to_string().into())]))
    );
    let _ = write!(
        h,
        "<h1>{}</h1><p>{}</p>",
        esc(&tr.format("report-title", &[("scenario", title.to_string().into())])),
        esc(&tr.format(
            "report-summary",
            &[
                ("tables", class.tables.len().into()),
                (
                    "players",
                    class.tables.iter().map(|t| t.players).sum::<usize>().into()
                ),
                ("answers", class.responses.len().into()),
            ]
        ))
    );
    if class.damaged > 0 {
        let _ = write!(
            h,
            "<p class=\"note\">{}</p>",
            esc(&tr.format("report-damaged", &[("lines", class.damaged.into())]))
        );
    }
    tables(&mut h, class, tr);
    learning(&mut h, class, tr);
    answers(&mut h, class, tr);
    let _ = write!(
        h,
        "<p class=\"note\">{} <a href=\"class.csv\">class.csv</a> · <a href=\"codebook.csv\">codebook.csv</a></p></body></html>",
        esc(&tr.get("report-files"))
    );
    h
}

fn layer_name(tr: &Translations, t: Transparency) -> String {
    tr.get(layer_key(t))
}

/// Each table's outcomes, grouped by treatment, with the treatment's mean.
fn tables(h: &mut String, class: &Class, tr: &Translations) {
    let lang = tr.language();
    let _ = write!(
        h,
        "<h2>{}</h2><table><tr><th></th>",
        esc(&tr.get("report-tables"))
    );
    let treatments = class.treatments();
    let mut columns: Vec<(String, Vec<usize>)> = Vec::new();
    for t in &treatments {
        let at: Vec<usize> = (0..class.tables.len())
            .filter(|&i| class.tables[i].treatment == *t)
            .collect();
        for &i in &at {
            columns.push((
                tr.format(
                    "report-table",
                    &[
                        ("table", class.tables[i].table.into()),
                        ("layer", layer_name(tr, *t).into()),
                    ],
                ),
                vec![i],
            ));
        }
        if at.len() > 1 {
            columns.push((
                tr.format("report-mean-of", &[("layer", layer_name(tr, *t).into())]),
                at,
            ));
        }
    }
    for (name, _) in &columns {
        let _ = write!(h, "<th>{}</th>", esc(name));
    }
    h.push_str("</tr>");
    let mut row = |label: String, value: &dyn Fn(usize) -> f64| {
        let _ = write!(h, "<tr><td>{}</td>", esc(&label));
        for (_, of) in &columns {
            let mean = of.iter().map(|&i| value(i)).sum::<f64>() / of.len().max(1) as f64;
            let _ = write!(h, "<td>{}</td>", esc(&figure(lang, mean)));
        }
        h.push_str("</tr>");
    };
    row(tr.get("report-months"), &|i| {
        f64::from(class.tables[i].months)
    });
    row(tr.get("report-players"), &|i| {
        class.tables[i].players as f64
    });
    let outcomes = class.tables.first().map_or(0, |t| t.outcomes.len());
    for k in 0..outcomes {
        let label = tr.message(&class.tables[0].outcomes[k].1);
        row(label, &|i| {
            class.tables[i].outcomes.get(k).map_or(f64::NAN, |o| o.2)
        });
    }
    h.push_str("</table>");
}

fn percent(tr: &Translations, s: Option<Summary>) -> String {
    s.map_or_else(
        || "—".into(),
        |s| {
            tr.format(
                "report-percent",
                &[("value", decimal(tr.language(), s.mean * 100.0).into())],
            )
        },
    )
}

/// A table's figure: a whole number as a count, anything else with two decimals.
fn figure(lang: crate::i18n::Language, v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        let sign = if v < 0.0 { "-" } else { "" };
        format!("{sign}{}", crate::i18n::format::count(lang, v.abs() as u64))
    } else {
        decimal(lang, v)
    }
}

fn effect(lang: crate::i18n::Language, e: Option<Effect>) -> String {
    e.map_or_else(
        || "—".into(),
        |e| {
            format!(
                "{} [{} ; {}]",
                decimal(lang, e.d),
                decimal(lang, e.low),
                decimal(lang, e.high)
            )
        },
    )
}

/// The quiz: each treatment's scores before and after, the gain and its effect sizes, and a
/// chart of the scores.
fn learning(h: &mut String, class: &Class, tr: &Translations) {
    let lang = tr.language();
    let _ = write!(h, "<h2>{}</h2>", esc(&tr.get("report-learning")));
    if class.quiz.is_empty() {
        let _ = write!(h, "<p>{}</p>", esc(&tr.get("report-no-quiz")));
        return;
    }
    let learning = class.learning();
    let headers = [
        "report-treatment",
        "report-n-before",
        "report-before",
        "report-n-after",
        "report-after",
        "report-n-paired",
        "report-gain",
        "report-change-d",
        "report-against-d",
    ];
    h.push_str("<table><tr>");
    for k in headers {
        let _ = write!(h, "<th>{}</th>", esc(&tr.get(k)));
    }
    h.push_str("</tr>");
    let n = |s: Option<Summary>| s.map_or(0, |s| s.n).to_string();
    for l in &learning {
        let gain = l.gain.map_or_else(
            || "—".into(),
            |g| {
                tr.format(
                    "report-points",
                    &[("value", decimal(lang, g.mean * 100.0).into())],
                )
            },
        );
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&layer_name(tr, l.treatment)),
            n(l.before),
            esc(&percent(tr, l.before)),
            n(l.after),
            esc(&percent(tr, l.after)),
            n(l.gain),
            esc(&gain),
            esc(&effect(lang, l.change)),
            esc(&effect(lang, l.against_reference)),
        );
    }
    h.push_str("</table>");
    let _ = write!(
        h,
        "<p class=\"note\">{}</p>",
        esc(&tr.get("report-effect-note"))
    );
    scores_chart(h, &learning, tr);
}

/// Bars of each treatment's mean score before and after, on a 0-100% scale.
fn scores_chart(h: &mut String, learning: &[Learning], tr: &Translations) {
    let (bar, gap, height) = (36.0, 28.0, 160.0);
    let width = 60.0 + learning.len() as f64 * (2.0 * bar + gap);
    let _ = write!(
        h,
        "<svg width=\"{width}\" height=\"{}\" role=\"img\" aria-label=\"{}\">",
        height + 50.0,
        esc(&tr.get("report-learning"))
    );
    for (i, l) in learning.iter().enumerate() {
        let x0 = 50.0 + i as f64 * (2.0 * bar + gap);
        for (k, (s, key)) in [(l.before, "report-before"), (l.after, "report-after")]
            .into_iter()
            .enumerate()
        {
            let value = s.map_or(0.0, |s| s.mean.clamp(0.0, 1.0));
            let x = x0 + k as f64 * bar;
            let y = 10.0 + height * (1.0 - value);
            let opacity = if k == 0 { 0.45 } else { 1.0 };
            let _ = write!(
                h,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"{}\" fill-opacity=\"{opacity}\"><title>{}</title></rect>",
                bar - 4.0,
                height * value,
                colour(l.treatment),
                esc(&tr.get(key))
            );
        }
        let _ = write!(
            h,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x0 + bar,
            height + 28.0,
            esc(&layer_name(tr, l.treatment))
        );
    }
    let _ = write!(
        h,
        "<text x=\"0\" y=\"16\">100%</text><text x=\"0\" y=\"{}\">0%</text></svg><p class=\"note\">{}</p>",
        height + 10.0,
        esc(&tr.get("report-chart-legend"))
    );
}

/// The questionnaire: each Likert question's answers by treatment (a bar per point of the
/// scale), each choice's counts, and the free answers as written.
fn answers(h: &mut String, class: &Class, tr: &Translations) {
    let lang = tr.language();
    let code = lang.code();
    let _ = write!(h, "<h2>{}</h2>", esc(&tr.get("report-answers")));
    for q in &class.questions {
        match q {
            QuestionSpec::Likert { id, prompt, scale } => {
                let _ = write!(h, "<h3>{}</h3><table><tr><th></th>", esc(prompt.get(code)));
                for point in 1..=*scale {
                    let _ = write!(h, "<th>{point}</th>");
                }
                let _ = write!(h, "<th>{}</th></tr>", esc(&tr.get("report-mean")));
                for (t, counts) in class.likert(id, *scale) {
                    let total: usize = counts.iter().sum();
                    let weighted: usize = counts.iter().enumerate().map(|(i, c)| (i + 1) * c).sum();
                    let _ = write!(h, "<tr><td>{}</td>", esc(&layer_name(tr, t)));
                    let most = counts.iter().copied().max().unwrap_or(0).max(1);
                    for c in &counts {
                        let w = 60.0 * *c as f64 / most as f64;
                        let _ = write!(
                            h,
                            "<td>{c} <svg width=\"62\" height=\"10\"><rect width=\"{w}\" height=\"10\" fill=\"{}\"/></svg></td>",
                            colour(t)
                        );
                    }
                    let mean = if total > 0 {
                        decimal(lang, weighted as f64 / total as f64)
                    } else {
                        "—".into()
                    };
                    let _ = write!(h, "<td>{}</td></tr>", esc(&mean));
                }
                h.push_str("</table>");
            }
            QuestionSpec::Choice {
                id,
                prompt,
                options,
            } => {
                let _ = write!(h, "<h3>{}</h3><table><tr><th></th>", esc(prompt.get(code)));
                let treatments = class.treatments();
                for t in &treatments {
                    let _ = write!(h, "<th>{}</th>", esc(&layer_name(tr, *t)));
                }
                h.push_str("</tr>");
                for (i, o) in options.iter().enumerate() {
                    let _ = write!(h, "<tr><td>{}</td>", esc(o.get(code)));
                    for t in &treatments {
                        let n = class
                            .responses
                            .iter()
                            .filter(|r| r.question == *id && class.treatment_of(r) == Some(*t))
                            .filter(|r| {
                                matches!(&r.answer, crate::feedback::Answer::Choice { index, .. } if *index == i)
                            })
                            .count();
                        let _ = write!(h, "<td>{n}</td>");
                    }
                    h.push_str("</tr>");
                }
                h.push_str("</table>");
            }
            QuestionSpec::FreeText { id, prompt } => {
                let _ = write!(h, "<h3>{}</h3><ul>", esc(prompt.get(code)));
                for r in class.responses.iter().filter(|r| r.question == *id) {
                    if let crate::feedback::Answer::FreeText(text) = &r.answer {
                        let layer = class
                            .treatment_of(r)
                            .map(|t| layer_name(tr, t))
                            .unwrap_or_default();
                        let _ = write!(
                            h,
                            "<li>{} <span class=\"note\">({})</span></li>",
                            esc(text),
                            esc(&layer)
                        );
                    }
                }
                h.push_str("</ul>");
            }
        }
    }
}
