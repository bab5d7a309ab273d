//! Event sources (readers) and sinks (writers).

use crate::{Error, ErrorKind, Event, Path};

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
    fn next_event(&mut self) -> Result<Option<Event<'a>>, Error> {
        (**self).next_event()
    }
    fn offset(&self) -> usize {
        (**self).offset()
    }
    fn path(&self) -> Path {
        (**self).path()
    }
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
