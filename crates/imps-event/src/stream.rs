//! Event sources (readers) and sinks (writers).

use crate::{Error, ErrorKind, Event, Path, Tag};

/// A reader: yields the events of one document in order.
///
/// Implementations keep the element path and the byte offset of the last
/// event, so that whoever consumes the stream can report errors where they
/// happen via [`EventSource::error`].
pub trait EventSource<'a> {
    /// The next event, or `None` after the root element's `End`.
    fn next_event(&mut self) -> Result<Option<Event<'a>>, Error>;

    /// Byte offset in the input where the last returned event starts.
    fn offset(&self) -> usize;

    /// The open elements after the last returned event.
    fn path(&self) -> Path;

    /// An error at the current position.
    fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind, self.offset(), self.path())
    }

    /// Whether the shortcuts [`EventSource::next_tag`],
    /// [`EventSource::leaf_text`] and [`EventSource::leaf_integer`] can read
    /// anything (`false`: they never do, and consumers need not call them).
    fn has_shortcuts(&self) -> bool {
        false
    }

    /// Where the next event is a `Start` of a table name without a
    /// namespace declaration, or an `End`: reads it and says which, in a
    /// value small enough for registers. Otherwise (any other event, an
    /// error, or a source without the shortcut) reads nothing and returns
    /// [`TagStep::Other`]; [`EventSource::next_event`] then reads the event
    /// (or reports the error). The events are the same either way.
    fn next_tag(&mut self) -> TagStep {
        TagStep::Other
    }

    /// Right after a `Start`: if the element's content is one piece of
    /// borrowed text followed by its `End`, reads both and returns the text;
    /// otherwise (or if the source does not look ahead) reads nothing and
    /// returns `None`. A shortcut for consumers that want leaf text as one
    /// value; the events are the same either way.
    ///
    /// Afterwards the source is where [`EventSource::next_event`] would
    /// leave it after that `End`, except that [`EventSource::offset`] is the
    /// text's until the next event (so that an error about the value can
    /// point at it, as it would after the `Text` event). Sources may decline
    /// for the root element, after whose `End` no event moves the offset.
    fn leaf_text(&mut self) -> Option<&'a str> {
        None
    }

    /// [`EventSource::leaf_text`] for a leaf whose content is one
    /// [`Event::Integer`]: reads it and the `End` and returns the value, or
    /// reads nothing and returns `None`.
    fn leaf_integer(&mut self) -> Option<u32> {
        None
    }
}

/// What [`EventSource::next_tag`] read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagStep {
    /// `Event::Start` of this table name, without `xmlns`.
    Start(Tag),
    /// `Event::End`.
    End,
    /// Nothing was read: the next event is another kind (or an error).
    Other,
}

/// A writer: consumes the events of one document.
pub trait EventSink {
    /// Writes one event.
    fn event(&mut self, event: Event<'_>) -> Result<(), Error>;
}

impl<S: EventSink + ?Sized> EventSink for &mut S {
    fn event(&mut self, event: Event<'_>) -> Result<(), Error> {
        (**self).event(event)
    }
}

impl<'a, S: EventSource<'a> + ?Sized> EventSource<'a> for &mut S {
    #[inline(always)]
    fn next_event(&mut self) -> Result<Option<Event<'a>>, Error> {
        (**self).next_event()
    }
    #[inline]
    fn offset(&self) -> usize {
        (**self).offset()
    }
    #[inline]
    fn path(&self) -> Path {
        (**self).path()
    }
    #[inline]
    fn has_shortcuts(&self) -> bool {
        (**self).has_shortcuts()
    }
    #[inline(always)]
    fn next_tag(&mut self) -> TagStep {
        (**self).next_tag()
    }
    #[inline(always)]
    fn leaf_text(&mut self) -> Option<&'a str> {
        (**self).leaf_text()
    }
    #[inline(always)]
    fn leaf_integer(&mut self) -> Option<u32> {
        (**self).leaf_integer()
    }
}

/// Which side of [`copy_events`] failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyError {
    /// The source could not read the input.
    Source(Error),
    /// The sink could not express an event.
    Sink(Error),
}

impl CopyError {
    /// The error, whichever side it came from.
    pub fn into_error(self) -> Error {
        match self {
            CopyError::Source(e) | CopyError::Sink(e) => e,
        }
    }
}

/// Moves every event of `source` into `sink`, unchanged: a conversion
/// between syntaxes without the typed model.
///
/// ```
/// use imps_event::{copy_events, Event, Start, Tag, VecSink, VecSource};
///
/// let events = vec![Event::Start(Start::new(Tag::Poll)), Event::Text("T".into()), Event::End];
/// let mut sink = VecSink::default();
/// copy_events(&mut VecSource::new(events.clone()), &mut sink).unwrap();
/// assert_eq!(sink.events, events);
/// ```
pub fn copy_events<'a>(
    source: &mut impl EventSource<'a>,
    sink: &mut impl EventSink,
) -> Result<(), CopyError> {
    while let Some(event) = source.next_event().map_err(CopyError::Source)? {
        sink.event(event).map_err(CopyError::Sink)?;
    }
    Ok(())
}

/// A source over a list of events; its "offset" is the event index.
/// Useful in tests and for replaying buffered events.
#[derive(Clone, Debug)]
pub struct VecSource<'a> {
    events: std::vec::IntoIter<Event<'a>>,
    index: usize,
    path: Path,
}

impl<'a> VecSource<'a> {
    /// A source that yields `events` in order.
    pub fn new(events: Vec<Event<'a>>) -> Self {
        VecSource {
            events: events.into_iter(),
            index: 0,
            path: Path::new(),
        }
    }
}

impl<'a> EventSource<'a> for VecSource<'a> {
    fn next_event(&mut self) -> Result<Option<Event<'a>>, Error> {
        let Some(ev) = self.events.next() else {
            return Ok(None);
        };
        self.index += 1;
        match &ev {
            Event::Start(s) => self.path.push(s.name.tag()),
            Event::End => self.path.pop(),
            _ => {}
        }
        Ok(Some(ev))
    }
    fn offset(&self) -> usize {
        self.index.saturating_sub(1)
    }
    fn path(&self) -> Path {
        self.path
    }
}

/// A sink that collects owned events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VecSink {
    /// The events written so far.
    pub events: Vec<Event<'static>>,
}

impl EventSink for VecSink {
    fn event(&mut self, event: Event<'_>) -> Result<(), Error> {
        self.events.push(event.into_owned());
        Ok(())
    }
}
