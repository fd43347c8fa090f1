//! Writing results: `text` for a person, `json` (one array) and `jsonl` (one object per line) for
//! scripts, exactly as `../shared/CONTRACT.md` describes. Every emitter writes to any
//! `io::Write`, one record at a time, so a batch streams.

use std::io::{self, Write};

use crate::analysis::{Analysis, EntityOut, Record};
use crate::lexicon::EntityKind;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Human-readable: title, summary, entities by type.
    #[default]
    Text,
    /// One JSON array of article objects.
    Json,
    /// One JSON object per line, in input order.
    Jsonl,
}

/// Writes records in one format.
#[derive(Debug)]
pub struct Emitter<W: Write> {
    format: Format,
    out: W,
    written: usize,
}

impl<W: Write> Emitter<W> {
    /// An emitter writing `format` to `out`.
    pub fn new(format: Format, out: W) -> Emitter<W> {
        Emitter { format, out, written: 0 }
    }

    /// Writes one record.
    pub fn emit(&mut self, record: &Record) -> io::Result<()> {
        let body = render(self.format, record)?;
        self.emit_rendered(&body)
    }

    /// Writes one record already turned into bytes by [`render`] with this emitter's format (so
    /// that a batch renders on its worker threads and only writes in order).
    pub fn emit_rendered(&mut self, body: &[u8]) -> io::Result<()> {
        let separator: &[u8] = match self.format {
            Format::Jsonl => b"",
            Format::Json if self.written == 0 => b"[\n",
            Format::Json => b",\n",
            Format::Text if self.written == 0 => b"",
            Format::Text => b"\n",
        };
        self.out.write_all(separator)?;
        self.out.write_all(body)?;
        self.written += 1;
        Ok(())
    }

    /// Closes the output (the JSON array) and flushes it.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json {
            self.out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// One record in `format`, without what separates it from the previous one: a JSONL line, a
/// pretty JSON object, or a text block.
pub fn render(format: Format, record: &Record) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(4096);
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut out, record)?;
            out.push(b'\n');
        }
        Format::Json => serde_json::to_writer_pretty(&mut out, record)?,
        Format::Text => match record {
            Record::Ok(a) => write_text(&mut out, a)?,
            Record::Failed { id, error } => writeln!(out, "== {id}\nerror: {error}")?,
        },
    }
    Ok(out)
}

fn write_text<W: Write>(out: &mut W, a: &Analysis) -> io::Result<()> {
    let lang =
        serde_json::to_value(a.lang).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
    writeln!(out, "== {}  [{lang}, {} sentences]", a.id, a.sentences.len())?;
    if let Some(t) = &a.title {
        writeln!(out, "{t}")?;
    }
    writeln!(out, "\nSummary")?;
    if a.summary.is_empty() {
        writeln!(out, "  (no body sentences)")?;
    }
    for (i, s) in a.summary.iter().enumerate() {
        writeln!(out, "  {}. {}", i + 1, s.text.split_whitespace().collect::<Vec<_>>().join(" "))?;
        if let Some(f) = &s.features {
            writeln!(
                out,
                "     score {:.3} = position {:.2}, centrality {:.2}, title {:.2}, entities {:.2}, length {:.2}, quote {:.0}",
                f.score, f.position, f.centrality, f.title, f.entities, f.length, f.quote
            )?;
        }
    }
    if let Some(note) = &a.summary_short {
        writeln!(out, "  ({note})")?;
    }
    for (kind, heading) in [
        (EntityKind::Person, "People"),
        (EntityKind::Place, "Places"),
        (EntityKind::Organization, "Organizations"),
    ] {
        let list: Vec<_> = a.entities.iter().filter(|e| e.kind == kind).collect();
        if list.is_empty() {
            continue;
        }
        writeln!(out, "\n{heading}")?;
        let names: Vec<String> = list.iter().map(|e| shown_name(e, &list)).collect();
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        for (e, name) in list.iter().zip(&names) {
            let mut forms: Vec<&str> =
                e.mentions.iter().map(|m| m.text.as_str()).filter(|t| *t != e.name).collect();
            forms.sort_unstable();
            forms.dedup();
            let aka = if forms.is_empty() { String::new() } else { format!("  ({})", forms.join(", ")) };
            writeln!(out, "  {name:<width$}  {:>3}{aka}", e.count)?;
        }
    }
    Ok(())
}

/// An entity's name as the text view lists it: two entities of one name (the city and the
/// province of Jakarta, two Springfields) are told apart by their finer kind, or by their ids
/// when that is the same or missing.
fn shown_name(e: &EntityOut, list: &[&EntityOut]) -> String {
    let namesakes: Vec<&&EntityOut> = list.iter().filter(|o| o.name == e.name).collect();
    if namesakes.len() < 2 {
        return e.name.clone();
    }
    let subtypes_differ = namesakes
        .iter()
        .all(|o| o.subtype.is_some() && namesakes.iter().filter(|p| p.subtype == o.subtype).count() == 1);
    match (&e.subtype, &e.id) {
        (Some(subtype), _) if subtypes_differ => format!("{} ({subtype})", e.name),
        (_, Some(id)) => format!("{} [{id}]", e.name),
        (_, None) => format!("{} [new]", e.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_an_array_and_jsonl_one_line_each() {
        let r = Record::Failed { id: "x".into(), error: "bad".into() };
        let mut e = Emitter::new(Format::Json, Vec::new());
        e.emit(&r).unwrap();
        e.emit(&r).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&e.finish().unwrap()).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 2);
        let e = Emitter::new(Format::Json, Vec::new());
        assert_eq!(e.finish().unwrap(), b"[]\n");
        let mut e = Emitter::new(Format::Jsonl, Vec::new());
        e.emit(&r).unwrap();
        assert_eq!(String::from_utf8(e.finish().unwrap()).unwrap(), "{\"id\":\"x\",\"error\":\"bad\"}\n");
    }

    fn entity(name: &str, id: Option<&str>, subtype: Option<&str>) -> EntityOut {
        EntityOut {
            name: name.into(),
            kind: EntityKind::Place,
            id: id.map(String::from),
            count: 1,
            subtype: subtype.map(String::from),
            mentions: Vec::new(),
        }
    }

    #[test]
    fn namesakes_are_told_apart_in_the_text_view() {
        let city = entity("Jakarta", Some("geonames:1642911"), Some("capital"));
        let province = entity("Jakarta", Some("local:id-31"), Some("province"));
        let other = entity("Bogor", Some("geonames:1648473"), Some("city"));
        let list = [&city, &province, &other];
        let shown: Vec<String> = list.iter().map(|e| shown_name(e, &list)).collect();
        assert_eq!(shown, ["Jakarta (capital)", "Jakarta (province)", "Bogor"]);
        // The same finer kind: the ids tell them apart; a name the rules found has none.
        let (a, b) = (
            entity("Springfield", Some("geonames:1"), Some("city")),
            entity("Springfield", Some("geonames:2"), Some("city")),
        );
        let new = entity("Springfield", None, None);
        let list = [&a, &b, &new];
        let shown: Vec<String> = list.iter().map(|e| shown_name(e, &list)).collect();
        assert_eq!(shown, ["Springfield [geonames:1]", "Springfield [geonames:2]", "Springfield [new]"]);
        // The JSON contract is unchanged: no subtype field.
        let json = serde_json::to_value(&city).unwrap();
        assert!(json.get("subtype").is_none() && json.get("name").is_some());
    }
}
