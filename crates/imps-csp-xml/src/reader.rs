//! Reading CSP XML (WV-CSP XML syntax: XML 1.0 + namespaces, DOCTYPE with the
//! CSP public identifier) into [`imps_event`] events.

use std::borrow::Cow;

use imps_event::{Error, ErrorKind, Event, EventSource, Name, Path, Start};
use imps_tokens::CspVersion;
use quick_xml::events::{BytesStart, Event as XmlEvent};

use crate::escape::{
    is_xml_char, is_xml_name, is_xml_whitespace, normalize_newlines, unescape, UnescapeError,
};
use crate::version::{declares_entities, parse_doctype};
use crate::DecodeOptions;

/// How far ahead [`XmlReader::new`] looks for a namespace when neither the
/// root element nor the DOCTYPE names the version.
const VERSION_LOOKAHEAD_EVENTS: usize = 4096;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Inside the root element.
    InRoot,
    /// The root element has ended; only comments, PIs and white space may follow.
    AfterRoot,
    /// The end of the input was reached (or an error was reported).
    Done,
}

/// Text read but not yet returned (adjacent text and CDATA pieces are joined).
#[derive(Debug)]
struct PendingText<'a> {
    text: Cow<'a, str>,
    offset: usize,
    /// Contains something other than white space, or a CDATA section.
    significant: bool,
}

/// A pull reader of one CSP XML document.
///
/// - Element names become [`Name::Tag`] through [`imps_tokens::Tag::from_name`]
///   (every alias spelling), `_wbxml-PP-TT` becomes [`Name::Token`], prefixed
///   names (`xsi:type`) and unknown names [`Name::Other`].
/// - Text is borrowed from the input unless references or line ends had to
///   be rewritten or pieces joined. CDATA is text. Integers and dates are
///   reported as text (XML has no types).
/// - White space: white-space-only text next to a child element (the
///   indentation of pretty-printed documents) is dropped; the text of an
///   element without child elements is kept verbatim, even if it is only
///   white space.
/// - No DTD processing: a DOCTYPE internal subset that declares or uses
///   entities, and any entity reference other than the five predefined ones
///   and numeric character references, give [`ErrorKind::Unsupported`].
///
/// ```
/// use imps_csp_xml::{DecodeOptions, XmlReader};
/// use imps_event::{Event, EventSource, Name, Start};
/// use imps_tokens::{CspVersion, Tag};
///
/// let xml = br#"<WV-CSP-Message xmlns="http://www.openmobilealliance.org/DTD/WV-CSP1.2">
///   <Session><Poll>T</Poll></Session>
/// </WV-CSP-Message>"#;
/// let mut r = XmlReader::new(xml, &DecodeOptions::default())?;
/// assert_eq!(r.version(), Some(CspVersion::V1_2));
/// let mut events = Vec::new();
/// while let Some(e) = r.next_event()? {
///     events.push(e);
/// }
/// assert_eq!(events[1], Event::Start(Start::new(Tag::Session)));
/// assert_eq!(events[3], Event::Text("T".into()));
/// assert_eq!(events.len(), 7);
/// # Ok::<(), imps_event::Error>(())
/// ```
#[derive(Debug)]
pub struct XmlReader<'a> {
    /// The whole input, including a byte-order mark.
    input: &'a str,
    /// Length of the byte-order mark (quick-xml sees the input after it).
    base: usize,
    xml: quick_xml::Reader<&'a [u8]>,
    options: DecodeOptions,
    version: Option<CspVersion>,
    doctype_public_id: Option<&'a str>,
    /// Per open element: has it had a child element?
    stack: Vec<bool>,
    path: Path,
    offset: usize,
    /// An event to return before reading on (the one after a text event).
    stash: Option<(Event<'a>, usize)>,
    text: Option<PendingText<'a>>,
    events: usize,
    state: State,
    /// The error already reported; repeated on every later call.
    failed: Option<Error>,
}

impl<'a> XmlReader<'a> {
    /// Starts reading `input` (UTF-8, optionally with a byte-order mark):
    /// checks the encoding, reads the prolog (XML declaration, DOCTYPE) and
    /// the root element's start tag, and determines the CSP version.
    pub fn new(input: &'a [u8], options: &DecodeOptions) -> Result<Self, Error> {
        match std::str::from_utf8(input) {
            Ok(text) => XmlReader::from_text(text, options),
            Err(e) => Err(Error::new(
                ErrorKind::Syntax("invalid UTF-8".into()),
                e.valid_up_to(),
                Path::new(),
            )),
        }
    }

    /// Like [`XmlReader::new`], for input that is already a string.
    pub fn from_text(input: &'a str, options: &DecodeOptions) -> Result<Self, Error> {
        let body = input.strip_prefix('\u{FEFF}').unwrap_or(input);
        let base = input.len() - body.len();
        let mut xml = quick_xml::Reader::from_reader(body.as_bytes());
        let config = xml.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        config.trim_text(false);
        let mut reader = XmlReader {
            input,
            base,
            xml,
            options: options.clone(),
            version: None,
            doctype_public_id: None,
            // CSP documents nest about ten levels: no regrowth.
            stack: Vec::with_capacity(16),
            path: Path::new(),
            offset: base,
            stash: None,
            text: None,
            events: 0,
            state: State::InRoot,
            failed: None,
        };
        reader.prolog()?;
        Ok(reader)
    }

    /// The CSP version: from the root element's `xmlns`, else from the
    /// DOCTYPE's public identifier, else from the first CSP namespace further
    /// in (`TransactionContent`'s, usually). `None` if the document names no
    /// version at all; the caller decides.
    pub fn version(&self) -> Option<CspVersion> {
        self.version
    }

    /// The DOCTYPE's formal public identifier, if there is one.
    pub fn doctype_public_id(&self) -> Option<&'a str> {
        self.doctype_public_id
    }

    /// Reads everything up to and including the root start tag, which is
    /// stashed for the first [`EventSource::next_event`] call.
    fn prolog(&mut self) -> Result<(), Error> {
        let mut first = true;
        loop {
            let pos = self.position();
            let event = self.xml.read_event().map_err(|e| self.xml_error(e))?;
            match event {
                XmlEvent::Decl(decl) => {
                    if !first {
                        return Err(self.syntax("XML declaration not at the start", pos));
                    }
                    self.check_encoding(&decl, pos)?;
                }
                XmlEvent::DocType(content) => {
                    let content = self.borrow_str(&content)?;
                    self.doctype(content, pos)?;
                }
                XmlEvent::Comment(_) | XmlEvent::PI(_) => {}
                XmlEvent::Text(t) => {
                    let raw = self.borrow_str(&t)?;
                    if !is_xml_whitespace(raw) {
                        return Err(self.syntax("text before the root element", pos));
                    }
                }
                XmlEvent::Start(s) | XmlEvent::Empty(s) => {
                    let start = self.start(&s, pos)?;
                    self.detect_version(&start)?;
                    self.stash = Some((Event::Start(start), pos));
                    return Ok(());
                }
                XmlEvent::End(_) => return Err(self.syntax("end tag before the root element", pos)),
                XmlEvent::CData(_) => {
                    return Err(self.syntax("CDATA section before the root element", pos))
                }
                XmlEvent::Eof => return Err(self.syntax("no root element", pos)),
            }
            first = false;
        }
    }

    fn check_encoding(
        &self,
        decl: &quick_xml::events::BytesDecl<'_>,
        pos: usize,
    ) -> Result<(), Error> {
        let Some(encoding) = decl.encoding() else {
            return Ok(());
        };
        let encoding = encoding.map_err(|e| self.syntax(&e.to_string(), pos))?;
        let name = String::from_utf8_lossy(&encoding).to_ascii_lowercase();
        let utf8 = matches!(name.as_str(), "utf-8" | "utf8" | "us-ascii" | "ascii");
        // Lenient: a pure-ASCII document reads the same in any ASCII-based
        // charset (ISO-8859-1, windows-1252, …).
        if utf8 || (!self.options.strict && self.input.is_ascii()) {
            return Ok(());
        }
        Err(self.fail(
            ErrorKind::Unsupported(format!("encoding {name:?} (only UTF-8 is read)").into()),
            pos,
        ))
    }

    fn doctype(&mut self, content: &'a str, pos: usize) -> Result<(), Error> {
        let doctype = parse_doctype(content).map_err(|m| self.syntax(m, pos))?;
        if let Some(subset) = doctype.internal_subset {
            if declares_entities(subset) {
                return Err(self.fail(
                    ErrorKind::Unsupported("DTD entity declarations".into()),
                    pos,
                ));
            }
            if self.options.strict && !subset.trim().is_empty() {
                return Err(self.fail(
                    ErrorKind::Unsupported("DOCTYPE internal subset".into()),
                    pos,
                ));
            }
        }
        self.doctype_public_id = doctype.public_id;
        Ok(())
    }

    /// Picks the version from the root `xmlns`, the DOCTYPE, or a look-ahead.
    fn detect_version(&mut self, root: &Start<'a>) -> Result<(), Error> {
        let from_xmlns = root
            .xmlns
            .as_deref()
            .and_then(CspVersion::from_namespace)
            .map(|(v, _)| v);
        let from_fpi = self.doctype_public_id.and_then(CspVersion::from_fpi);
        if let (Some(a), Some(b)) = (from_xmlns, from_fpi) {
            if a != b && self.options.strict {
                return Err(self.fail(
                    ErrorKind::Version(
                        format!("DOCTYPE says {b}, the root namespace says {a}").into(),
                    ),
                    self.base,
                ));
            }
        }
        self.version = from_xmlns.or(from_fpi).or_else(|| self.look_ahead());
        Ok(())
    }

    /// The version of the first CSP namespace declared further in. Errors
    /// stop the look-ahead; the real pass reports them.
    fn look_ahead(&self) -> Option<CspVersion> {
        let mut xml = self.xml.clone();
        for _ in 0..VERSION_LOOKAHEAD_EVENTS.min(self.options.max_events) {
            match xml.read_event().ok()? {
                XmlEvent::Start(s) | XmlEvent::Empty(s) => {
                    let ns = s
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == b"xmlns");
                    let version = ns
                        .and_then(|a| std::str::from_utf8(&a.value).ok().map(str::to_string))
                        .and_then(|uri| CspVersion::from_namespace(&uri))
                        .map(|(v, _)| v);
                    if version.is_some() {
                        return version;
                    }
                }
                XmlEvent::Eof => return None,
                _ => {}
            }
        }
        None
    }

    /// Builds a start event (the element is not entered yet).
    fn start(&self, s: &BytesStart<'_>, pos: usize) -> Result<Start<'a>, Error> {
        if self.stack.len() >= self.options.max_depth {
            return Err(self.fail(ErrorKind::Limit("depth"), pos));
        }
        let raw = self.borrow_str(s.name().as_ref())?;
        // Table names (most) are XML names by construction; only the rest
        // is checked.
        let name = if raw.contains(':') {
            Name::Other(Cow::Borrowed(raw))
        } else {
            Name::from_xml(raw)
        };
        if matches!(name, Name::Other(_)) && !is_xml_name(raw) {
            return Err(self.syntax(&format!("invalid element name {raw:?}"), pos));
        }
        let mut xmlns = None;
        if s.attributes_raw().iter().all(u8::is_ascii_whitespace) {
            // No attributes (most CSP elements): nothing to iterate.
            return Ok(Start { name, xmlns });
        }
        for attr in s.attributes() {
            let attr = attr.map_err(|e| self.syntax(&e.to_string(), pos))?;
            let key = self.borrow_str(attr.key.as_ref())?;
            if key == "xmlns" {
                if xmlns.is_some() {
                    return Err(self.syntax("duplicate xmlns attribute", pos));
                }
                let raw = self.borrow_str(&attr.value)?;
                let value = unescape(raw).map_err(|e| self.unescape_error(e, raw))?;
                xmlns = Some(value);
            } else if self.options.strict {
                return Err(self.fail(
                    ErrorKind::Unsupported(format!("attribute {key} (CSP has only xmlns)").into()),
                    self.offset_of(key).unwrap_or(pos),
                ));
            }
        }
        Ok(Start { name, xmlns })
    }

    /// Reads on until an event is ready.
    fn read(&mut self) -> Result<Option<Event<'a>>, Error> {
        if let Some((event, offset)) = self.stash.take() {
            return self.emit(event, offset);
        }
        loop {
            if self.state == State::Done {
                return Ok(None);
            }
            let pos = self.position();
            let event = self.xml.read_event().map_err(|e| self.xml_error(e))?;
            match event {
                XmlEvent::Start(s) | XmlEvent::Empty(s) => {
                    if self.state == State::AfterRoot {
                        return Err(self.syntax("a second root element", pos));
                    }
                    let start = Event::Start(self.start(&s, pos)?);
                    match self.text.take() {
                        Some(t) if t.significant => {
                            self.stash = Some((start, pos));
                            return self.emit(Event::Text(t.text), t.offset);
                        }
                        _ => return self.emit(start, pos),
                    }
                }
                XmlEvent::End(_) => {
                    let leaf = self.stack.last().is_some_and(|had_child| !had_child);
                    match self.text.take() {
                        Some(t) if t.significant || (leaf && !t.text.is_empty()) => {
                            self.stash = Some((Event::End, pos));
                            return self.emit(Event::Text(t.text), t.offset);
                        }
                        _ => return self.emit(Event::End, pos),
                    }
                }
                XmlEvent::Text(t) => {
                    let raw = self.borrow_str(&t)?;
                    let significant = !is_xml_whitespace(raw);
                    if self.state == State::AfterRoot {
                        if significant {
                            return Err(self.syntax("text after the root element", pos));
                        }
                        continue;
                    }
                    self.check_chars(raw, pos)?;
                    let text = unescape(raw).map_err(|e| self.unescape_error(e, raw))?;
                    self.push_text(text, pos, significant)?;
                }
                XmlEvent::CData(c) => {
                    if self.state == State::AfterRoot {
                        return Err(self.syntax("CDATA section after the root element", pos));
                    }
                    let raw = self.borrow_str(&c)?;
                    self.check_chars(raw, pos)?;
                    self.push_text(normalize_newlines(raw), pos, true)?;
                }
                XmlEvent::Comment(_) | XmlEvent::PI(_) => {}
                XmlEvent::Decl(_) => {
                    return Err(self.syntax("XML declaration not at the start", pos))
                }
                XmlEvent::DocType(_) => {
                    return Err(self.syntax("DOCTYPE after the root element started", pos))
                }
                XmlEvent::Eof => {
                    if !self.stack.is_empty() {
                        return Err(self.syntax("unexpected end of input (unclosed element)", pos));
                    }
                    self.state = State::Done;
                    return Ok(None);
                }
            }
        }
    }

    /// Returns an event, updating the path, the offset and the event count.
    fn emit(&mut self, event: Event<'a>, offset: usize) -> Result<Option<Event<'a>>, Error> {
        self.events += 1;
        if self.events > self.options.max_events {
            return Err(self.fail(ErrorKind::Limit("events"), offset));
        }
        match &event {
            Event::Start(s) => {
                if let Some(parent) = self.stack.last_mut() {
                    *parent = true;
                }
                self.stack.push(false);
                self.path.push(s.name.tag());
            }
            Event::End => {
                self.stack.pop();
                self.path.pop();
                if self.stack.is_empty() {
                    self.state = State::AfterRoot;
                }
            }
            _ => {}
        }
        self.offset = offset;
        Ok(Some(event))
    }

    fn push_text(
        &mut self,
        piece: Cow<'a, str>,
        offset: usize,
        significant: bool,
    ) -> Result<(), Error> {
        let len = match &mut self.text {
            None => {
                let len = piece.len();
                self.text = Some(PendingText {
                    text: piece,
                    offset,
                    significant,
                });
                len
            }
            Some(pending) => {
                if pending.text.len().saturating_add(piece.len()) > self.options.max_text_len {
                    return Err(self.fail(ErrorKind::Limit("text length"), offset));
                }
                pending.text.to_mut().push_str(&piece);
                pending.significant |= significant;
                pending.text.len()
            }
        };
        if len > self.options.max_text_len {
            return Err(self.fail(ErrorKind::Limit("text length"), offset));
        }
        Ok(())
    }

    /// Strict mode: raw characters XML 1.0 does not allow (control characters).
    fn check_chars(&self, raw: &'a str, pos: usize) -> Result<(), Error> {
        if !self.options.strict {
            return Ok(());
        }
        match raw.char_indices().find(|(_, c)| !is_xml_char(*c)) {
            Some((i, c)) => Err(self.syntax(
                &format!("character U+{:04X} is not allowed in XML", u32::from(c)),
                self.offset_of(raw).map_or(pos, |o| o + i),
            )),
            None => Ok(()),
        }
    }

    /// Byte offset of the next event (quick-xml counts from after the BOM).
    fn position(&self) -> usize {
        usize::try_from(self.xml.buffer_position()).unwrap_or(usize::MAX) + self.base
    }

    /// The offset of `slice` in the input, if it is a slice of the input.
    fn offset_of(&self, slice: &str) -> Option<usize> {
        let start = (slice.as_ptr() as usize).checked_sub(self.input.as_ptr() as usize)?;
        (start + slice.len() <= self.input.len()).then_some(start)
    }

    /// The input slice that `bytes` (borrowed from the input by quick-xml)
    /// covers, as a `&'a str`.
    fn borrow_str(&self, bytes: &[u8]) -> Result<&'a str, Error> {
        let start = (bytes.as_ptr() as usize).wrapping_sub(self.input.as_ptr() as usize);
        self.input
            .get(start..start.wrapping_add(bytes.len()))
            .filter(|s| s.as_ptr() == bytes.as_ptr())
            .ok_or_else(|| self.syntax("internal: text not borrowed from the input", self.offset))
    }

    fn unescape_error(&self, e: UnescapeError, raw: &str) -> Error {
        let base = self.offset_of(raw).unwrap_or(self.offset);
        match e {
            UnescapeError::Entity { at, name } => self.fail(
                ErrorKind::Unsupported(
                    format!("entity reference &{name}; (DTD entities are not expanded)").into(),
                ),
                base + at,
            ),
            UnescapeError::Syntax { at, what } => self.syntax(what, base + at),
        }
    }

    fn xml_error(&self, e: quick_xml::Error) -> Error {
        let at = usize::try_from(self.xml.error_position()).unwrap_or(usize::MAX);
        self.syntax(&e.to_string(), at.saturating_add(self.base))
    }

    fn syntax(&self, message: &str, offset: usize) -> Error {
        self.fail(ErrorKind::Syntax(message.into()), offset)
    }

    fn fail(&self, kind: ErrorKind, offset: usize) -> Error {
        Error::new(kind, offset, self.path)
    }
}

impl<'a> EventSource<'a> for XmlReader<'a> {
    fn next_event(&mut self) -> Result<Option<Event<'a>>, Error> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let result = self.read();
        if let Err(e) = &result {
            self.failed = Some(e.clone());
            self.state = State::Done;
        }
        result
    }

    fn offset(&self) -> usize {
        self.offset
    }

    fn path(&self) -> Path {
        self.path
    }
}
