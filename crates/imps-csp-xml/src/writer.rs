//! Writing [`imps_event`] events as CSP XML.

use std::ops::Range;
use std::sync::OnceLock;

use imps_event::{Error, ErrorKind, Event, EventSink, Name, Path, Start, Tag};
use imps_tokens::CspVersion;

use crate::escape::{escape_attr, escape_text, is_xml_name};
use crate::{DoctypeMode, WriteOptions};

/// The DTD system identifier written for a version none was seen with (1.3).
const FALLBACK_SYSTEM_ID: &str = "http://www.openmobilealliance.org/DTD/WV-CSP.DTD";

/// The start and end tag text of a table name.
#[derive(Debug)]
struct Markup {
    /// `<Name` (the `>` or `/>` follows later).
    start: Box<[u8]>,
    /// `</Name>`.
    end: Box<[u8]>,
}

/// [`Markup`] of every tag, indexed by `Tag as usize` ([`Tag::ALL`] order),
/// built on first use: one copy per start and end tag instead of three.
fn markup() -> &'static [Markup] {
    static MARKUP: OnceLock<Box<[Markup]>> = OnceLock::new();
    MARKUP.get_or_init(|| {
        Tag::ALL
            .iter()
            .map(|tag| Markup {
                start: format!("<{}", tag.name()).into_bytes().into(),
                end: format!("</{}>", tag.name()).into_bytes().into(),
            })
            .collect()
    })
}

#[derive(Debug)]
struct Frame {
    /// Where the element's name is in the output, copied for the end tag of
    /// a name that is not a table name (table names' end tags come from
    /// [`markup`]; the fast path leaves this empty).
    name: Range<usize>,
    /// The element as a path level (`None`: not a table name).
    tag: Option<Tag>,
    has_children: bool,
    has_text: bool,
}

/// Writes the events of one document as XML.
///
/// Text is escaped (`&`, `<`, `>`, and `\r` as `&#13;`; attribute values also
/// `"`, tab and newline), [`Event::Integer`] is written in decimal,
/// [`Event::DateTime`] in the basic ISO 8601 form CSP uses
/// (`20010925T134013Z`), and [`Event::Opaque`] as text when it is UTF-8
/// (otherwise [`ErrorKind::Encode`]). Empty elements are written `<Name/>`.
///
/// ```
/// use imps_csp_xml::{WriteOptions, XmlWriter};
/// use imps_event::{Event, EventSink, Start};
/// use imps_tokens::Tag;
///
/// let mut w = XmlWriter::new(WriteOptions::default());
/// w.event(Event::Start(Start::with_xmlns(
///     Tag::WvCspMessage,
///     "http://www.openmobilealliance.org/DTD/WV-CSP1.2",
/// )))?;
/// w.event(Event::Start(Start::new(Tag::Poll)))?;
/// w.event(Event::Text("a<b".into()))?;
/// w.event(Event::End)?;
/// w.event(Event::End)?;
/// assert_eq!(
///     String::from_utf8(w.finish()?).unwrap(),
///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
///      <WV-CSP-Message xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\">\
///      <Poll>a&lt;b</Poll></WV-CSP-Message>"
/// );
/// # Ok::<(), imps_event::Error>(())
/// ```
#[derive(Debug)]
pub struct XmlWriter {
    out: Vec<u8>,
    options: WriteOptions,
    stack: Vec<Frame>,
    /// The last start tag is not closed yet (`>` or `/>` pending).
    open_tag: bool,
    /// No indentation: the fast paths of [`EventSink::event`] apply.
    compact: bool,
    /// [`markup`], looked up once per writer.
    markup: &'static [Markup],
    root_done: bool,
}

impl XmlWriter {
    /// A writer with its own buffer.
    pub fn new(options: WriteOptions) -> Self {
        XmlWriter::with_buffer(Vec::new(), options)
    }

    /// A writer that appends to `buffer` (reuse an allocation).
    pub fn with_buffer(buffer: Vec<u8>, options: WriteOptions) -> Self {
        let compact = options.indent.is_none();
        XmlWriter {
            out: buffer,
            options,
            // CSP documents nest about ten levels: one allocation, no regrowth.
            stack: Vec::with_capacity(16),
            open_tag: false,
            compact,
            markup: markup(),
            root_done: false,
        }
    }

    /// The document; an error if an element is still open or nothing was
    /// written.
    pub fn finish(mut self) -> Result<Vec<u8>, Error> {
        if !self.stack.is_empty() {
            return Err(self.error("unclosed element at the end of the document".into()));
        }
        if !self.root_done {
            return Err(self.error("no root element".into()));
        }
        if self.options.indent.is_some() {
            self.out.push(b'\n');
        }
        Ok(self.out)
    }

    fn error(&self, message: Box<str>) -> Error {
        Error::new(ErrorKind::Encode(message), self.out.len(), self.path())
    }

    /// The open elements, for error reports.
    fn path(&self) -> Path {
        let mut path = Path::new();
        for frame in &self.stack {
            path.push(frame.tag);
        }
        path
    }

    fn newline(&mut self, depth: usize) {
        if let Some(n) = self.options.indent {
            self.out.push(b'\n');
            let width = depth.saturating_mul(usize::from(n));
            self.out.resize(self.out.len() + width, b' ');
        }
    }

    fn close_open_tag(&mut self) {
        if self.open_tag {
            self.out.push(b'>');
            self.open_tag = false;
        }
    }

    fn prolog(&mut self, name: &str, xmlns: Option<&str>) {
        if self.options.declaration {
            self.out
                .extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            self.newline(0);
        }
        let version = self
            .options
            .version
            .or_else(|| xmlns.and_then(CspVersion::from_namespace).map(|(v, _)| v));
        let wanted = match self.options.doctype {
            // The DOCTYPE is how a reader learns the version when the root's
            // namespace does not tell it (none, or a non-CSP one).
            DoctypeMode::Auto => xmlns.and_then(CspVersion::from_namespace).is_none(),
            DoctypeMode::Always => true,
            DoctypeMode::Never => false,
        };
        if let (true, Some(v)) = (wanted, version) {
            let system = v.system_id().unwrap_or(FALLBACK_SYSTEM_ID);
            for piece in [
                "<!DOCTYPE ",
                name,
                " PUBLIC \"",
                v.fpi(),
                "\" \"",
                system,
                "\">",
            ] {
                self.out.extend_from_slice(piece.as_bytes());
            }
            self.newline(0);
        }
    }

    /// A start tag; `trusted` names (the token tables' names and the
    /// `_wbxml-PP-TT` form) are XML names by construction and not checked.
    fn start(
        &mut self,
        name: &str,
        tag: Option<Tag>,
        trusted: bool,
        xmlns: Option<&str>,
    ) -> Result<(), Error> {
        if self.root_done {
            return Err(self.error("a second root element".into()));
        }
        if !trusted && !is_xml_name(name) {
            return Err(self.error(format!("{name:?} is not an XML element name").into()));
        }
        if self.stack.is_empty() {
            self.prolog(name, xmlns);
        }
        self.close_open_tag();
        let depth = self.stack.len();
        if let Some(parent) = self.stack.last_mut() {
            parent.has_children = true;
            if !parent.has_text {
                self.newline(depth);
            }
        }
        self.out.push(b'<');
        let name_start = self.out.len();
        self.out.extend_from_slice(name.as_bytes());
        let name_range = name_start..self.out.len();
        if let Some(ns) = xmlns {
            self.out.extend_from_slice(b" xmlns=\"");
            if let Err(c) = escape_attr(ns, &mut self.out) {
                return Err(self.bad_char(c));
            }
            self.out.push(b'"');
        }
        self.open_tag = true;
        self.stack.push(Frame {
            name: name_range,
            tag,
            has_children: false,
            has_text: false,
        });
        Ok(())
    }

    fn end(&mut self) -> Result<(), Error> {
        let Some(frame) = self.stack.pop() else {
            return Err(self.error("end without a start".into()));
        };
        if self.open_tag {
            self.out.extend_from_slice(b"/>");
            self.open_tag = false;
        } else {
            if frame.has_children && !frame.has_text {
                self.newline(self.stack.len());
            }
            self.end_tag(frame);
        }
        if self.stack.is_empty() {
            self.root_done = true;
        }
        Ok(())
    }

    fn text(&mut self, text: &str) -> Result<(), Error> {
        if text.is_empty() {
            return self.in_element();
        }
        self.begin_text()?;
        escape_text(text, &mut self.out).map_err(|c| self.bad_char(c))
    }

    /// Text that needs no escaping (decimal integers, dates): written as is.
    fn plain_text(&mut self, text: &[u8]) -> Result<(), Error> {
        self.begin_text()?;
        self.out.extend_from_slice(text);
        Ok(())
    }

    /// Before non-empty text: marks the element as holding text and closes
    /// its start tag.
    #[inline]
    fn begin_text(&mut self) -> Result<(), Error> {
        let Some(frame) = self.stack.last_mut() else {
            return Err(self.outside_root());
        };
        frame.has_text = true;
        self.close_open_tag();
        Ok(())
    }

    /// Checks that content (even empty) is inside the root element.
    fn in_element(&self) -> Result<(), Error> {
        if self.stack.is_empty() {
            return Err(self.outside_root());
        }
        Ok(())
    }

    #[cold]
    fn outside_root(&self) -> Error {
        self.error("content outside the root element".into())
    }

    fn bad_char(&self, c: char) -> Error {
        self.error(
            format!(
                "character U+{:04X} cannot be written in XML 1.0",
                u32::from(c)
            )
            .into(),
        )
    }
}

impl XmlWriter {
    /// `true` when the fast paths of [`EventSink::event`] may run: inside the
    /// root element, compact output.
    #[inline(always)]
    fn fast(&self) -> bool {
        self.compact && !self.stack.is_empty()
    }

    /// The start tag of a table name without `xmlns`, below the root,
    /// compact output.
    #[inline(always)]
    fn start_fast(&mut self, tag: Tag) {
        self.close_open_tag();
        if let Some(parent) = self.stack.last_mut() {
            parent.has_children = true;
        }
        let markup = &self.markup[tag as usize];
        self.out.extend_from_slice(&markup.start);
        self.open_tag = true;
        self.stack.push(Frame {
            // The end tag comes from `markup`, not from the output.
            name: 0..0,
            tag: Some(tag),
            has_children: false,
            has_text: false,
        });
    }

    /// The end of an element that is not the root, compact output.
    #[inline(always)]
    fn end_fast(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if self.open_tag {
            self.out.extend_from_slice(b"/>");
            self.open_tag = false;
        } else {
            self.end_tag(frame);
        }
    }

    /// `</Name>` of an element whose start tag has been closed.
    #[inline(always)]
    fn end_tag(&mut self, frame: Frame) {
        match frame.tag {
            Some(tag) => self.out.extend_from_slice(&self.markup[tag as usize].end),
            None => {
                self.out.extend_from_slice(b"</");
                self.out.extend_from_within(frame.name);
                self.out.push(b'>');
            }
        }
    }

    /// Every event but those [`EventSink::event`] writes itself.
    #[inline(never)]
    fn event_other(&mut self, event: Event<'_>) -> Result<(), Error> {
        match event {
            Event::Start(s) => {
                let xmlns = s.xmlns.as_deref();
                match &s.name {
                    Name::Tag(tag) => self.start(tag.name(), Some(*tag), true, xmlns),
                    Name::Other(name) => self.start(name, None, false, xmlns),
                    Name::Token { .. } => self.start(&s.name.as_xml(), None, true, xmlns),
                }
            }
            Event::End => self.end(),
            Event::Text(t) => self.text(&t),
            Event::Integer(n) => {
                // A u32 has at most 10 decimal digits.
                let mut digits = [0u8; 10];
                let mut at = digits.len();
                let mut rest = n;
                for slot in digits.iter_mut().rev() {
                    // `rest % 10` is a digit.
                    *slot = b'0' + (rest % 10) as u8;
                    at -= 1;
                    rest /= 10;
                    if rest == 0 {
                        break;
                    }
                }
                self.plain_text(digits.get(at..).unwrap_or_default())
            }
            Event::DateTime(d) => {
                let (bytes, len) = d.to_basic_bytes();
                self.plain_text(bytes.get(..len).unwrap_or_default())
            }
            Event::Opaque(bytes) => match std::str::from_utf8(&bytes) {
                Ok(text) => self.text(text),
                Err(e) => Err(self.error(
                    format!(
                        "opaque data is not UTF-8 (byte {} of {}); XML cannot carry it",
                        e.valid_up_to(),
                        bytes.len()
                    )
                    .into(),
                )),
            },
        }
    }
}

impl EventSink for XmlWriter {
    /// Start tags of table names without `xmlns` and ends below the root
    /// (most events) are written here, inlined into the caller's loop; the
    /// rest by a call.
    #[inline]
    fn event(&mut self, event: Event<'_>) -> Result<(), Error> {
        match event {
            Event::Start(Start {
                name: Name::Tag(tag),
                xmlns: None,
            }) if self.fast() => {
                self.start_fast(tag);
                Ok(())
            }
            Event::End if self.fast() && self.stack.len() > 1 => {
                self.end_fast();
                Ok(())
            }
            Event::Text(text) if self.fast() => self.text(&text),
            event => self.event_other(event),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_indexed_by_tag() {
        for &tag in Tag::ALL {
            let m = &markup()[tag as usize];
            assert_eq!(*m.start, *format!("<{}", tag.name()).as_bytes());
            assert_eq!(*m.end, *format!("</{}>", tag.name()).as_bytes());
        }
    }
}
