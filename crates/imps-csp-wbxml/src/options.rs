//! Decoder and encoder options.

use imps_event::CspVersion;
use imps_wbxml::Limits;

/// Options of [`crate::WbxmlReader`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Refuse what lenient mode keeps: unknown tag tokens, unknown EXT_T_0
    /// indexes, attributes other than `xmlns`, OPAQUE that does not fit an
    /// Integer/DateTime element, extension tokens CSP does not use, and a
    /// public id of another document type. (`LITERAL` tags are names, like
    /// unknown XML element names: [`imps_event::Name::Other`] in both modes.)
    pub strict: bool,
    /// Limits of the WBXML tokenizer; `max_string_len` also bounds joined text.
    pub limits: Limits,
    /// The version to assume when neither the root `xmlns`, the public id
    /// nor an FPI names one.
    pub default_version: CspVersion,
}

impl Default for DecodeOptions {
    /// Lenient, default limits, CSP 1.2.
    fn default() -> Self {
        DecodeOptions {
            strict: false,
            limits: Limits::default(),
            default_version: CspVersion::V1_2,
        }
    }
}

/// How the header names the document type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PublicIdChoice {
    /// The version's numeric public id (0x10 / 0x11 / 0x12), as phones do.
    #[default]
    Numeric,
    /// Public id `0x00` + string-table reference to the version's FPI
    /// (`-//OMA//DTD WV-CSP 1.2//EN`), as libwbxml 0.11 does for 1.2.
    Fpi,
    /// This numeric public id, whatever the version (e.g. 0x01 "unknown",
    /// as libwbxml 0.10 wrote).
    Explicit(u32),
}

/// How an element without content is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EmptyElements {
    /// Tag with the content bit, then `END` (Android: `6D 01` for
    /// `<Session/>`).
    #[default]
    WithEnd,
    /// Tag without the content bit and no `END` (libwbxml: `2D`).
    NoContentBit,
}

/// How an integer element holding zero is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ZeroInteger {
    /// `C3 01 00` (Android, "safer").
    #[default]
    OneByte,
    /// `C3 00`, an empty OPAQUE (libwbxml).
    Empty,
}

/// Which date-times are written as the 6-byte packed OPAQUE.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DatePacking {
    /// Every [`imps_event::Event::DateTime`], and text of a DateTime element
    /// that parses as a date-time (phone style).
    #[default]
    Always,
    /// Only dates without a zone designator; dates with a zone are written as
    /// inline text in basic format (what libwbxml 0.11 does).
    LocalOnly,
    /// Never: dates are written as inline text.
    Never,
}

/// Options of [`crate::WbxmlWriter`]. The default is **phone style**
/// (Android's encoder, byte for byte): WBXML 1.3 header with the numeric
/// public id of CSP 1.2, UTF-8, no string table; `xmlns` as an
/// attribute-start token plus `STR_I` rest; text equal to a value-table entry
/// as `EXT_T_0`; integers as minimal OPAQUE (zero as `C3 01 00`); dates as
/// packed OPAQUE; empty elements with the content bit and `END`.
///
/// [`EncodeOptions::libwbxml`] gives the libwbxml 0.11 dialect instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EncodeOptions {
    /// The CSP version whose tables are used. Keep the root element's
    /// `xmlns` consistent with it: readers trust a root namespace over the
    /// public id (strict mode refuses a root namespace of another version).
    pub version: CspVersion,
    /// How the header names the document type.
    pub public_id: PublicIdChoice,
    /// WBXML version byte (`0x03` = 1.3). WBXML 1.0 (`0x00`) has no OPAQUE:
    /// integers and dates are then written as text, and an
    /// [`imps_event::Event::Opaque`] cannot be written.
    pub wbxml_version: u8,
    /// Write text equal to a value-table entry as `EXT_T_0` + index.
    pub ext_values: bool,
    /// How elements without content are written.
    pub empty_elements: EmptyElements,
    /// How integer zero is written.
    pub zero_integer: ZeroInteger,
    /// Which dates are packed.
    pub dates: DatePacking,
    /// Refuse names that the version's tables do not know (instead of
    /// writing them as `LITERAL` or raw tokens).
    pub strict: bool,
}

impl Default for EncodeOptions {
    fn default() -> Self {
        EncodeOptions::phone(CspVersion::V1_2)
    }
}

impl EncodeOptions {
    /// Phone style (see the type docs) for `version`.
    pub const fn phone(version: CspVersion) -> Self {
        EncodeOptions {
            version,
            public_id: PublicIdChoice::Numeric,
            wbxml_version: 0x03,
            ext_values: true,
            empty_elements: EmptyElements::WithEnd,
            zero_integer: ZeroInteger::OneByte,
            dates: DatePacking::Always,
            strict: false,
        }
    }

    /// These options with the header form of `reader`'s document: its WBXML
    /// version byte, and its public id as it was written (numeric, or an FPI
    /// in the string table). Re-encoding a decoded document with them keeps
    /// its header byte for byte.
    pub fn with_header_of(mut self, reader: &crate::WbxmlReader<'_>) -> Self {
        let header = reader.header();
        self.wbxml_version = header.version;
        self.public_id = match header.public_id {
            imps_wbxml::PublicId::Numeric(id) => PublicIdChoice::Explicit(id),
            imps_wbxml::PublicId::String { .. } => PublicIdChoice::Fpi,
        };
        self
    }

    /// The dialect of libwbxml 0.11 (`xml2wbxml`): empty elements without the
    /// content bit, zero as an empty OPAQUE, only zone-less dates packed.
    /// (libwbxml also drops `xmlns` and writes public id 0x01 for CSP 1.2;
    /// those follow from the input events and [`EncodeOptions::public_id`].)
    pub const fn libwbxml(version: CspVersion) -> Self {
        EncodeOptions {
            empty_elements: EmptyElements::NoContentBit,
            zero_integer: ZeroInteger::Empty,
            dates: DatePacking::LocalOnly,
            ..EncodeOptions::phone(version)
        }
    }
}
