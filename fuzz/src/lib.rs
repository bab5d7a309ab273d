//! Helpers shared by the fuzz targets: the codecs around the typed model, and
//! a bridge from fuzz bytes to the model's proptest strategies.

use imps_event::{CspVersion, Error};
use imps_model::{DecodeOptions, Message};
use proptest::strategy::{BoxedStrategy, Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// A value of `T` built from the fuzz input: the input seeds the ChaCha RNG
/// that drives `T::arb()` (the model's proptest strategy).
///
/// Not proptest's pass-through RNG (input bytes as the random stream), which
/// would keep small input changes local: once the input is used up it yields
/// zeros forever, rand's rejection sampling of ranges (`Uniform::sample`)
/// rejects zero for most ranges, and generation never ends (seen with
/// `Message::arb()` even with a 16 KiB pseudo-random tail appended).
///
/// Building a strategy like `Message::arb()` costs about a millisecond, so
/// targets keep one in a `thread_local!` and pass it in.
pub fn arbitrary_value<T: std::fmt::Debug>(strategy: &BoxedStrategy<T>, data: &[u8]) -> Option<T> {
    // Four splitmix64 lanes over an FNV-1a hash of the input: a 32-byte seed.
    let mut h = data.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    let mut seed = [0u8; 32];
    for chunk in seed.chunks_mut(8) {
        h = h.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = h;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        chunk.copy_from_slice(&(z ^ (z >> 31)).to_le_bytes());
    }
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    strategy.new_tree(&mut runner).ok().map(|t| t.current())
}

/// CSP XML bytes → message.
pub fn from_xml(bytes: &[u8], options: &DecodeOptions) -> Result<Message, Error> {
    let mut r = imps_csp_xml::XmlReader::new(bytes, &imps_csp_xml::DecodeOptions::default())?;
    let version = r.version().unwrap_or(CspVersion::V1_2);
    imps_model::decode_with(&mut r, &options.clone().with_default_version(version))
}

/// Message → CSP XML bytes.
pub fn to_xml(msg: &Message, indent: Option<u8>) -> Result<Vec<u8>, Error> {
    let mut w = imps_csp_xml::XmlWriter::new(imps_csp_xml::WriteOptions {
        version: Some(msg.version),
        indent,
        ..imps_csp_xml::WriteOptions::default()
    });
    imps_model::encode(msg, &mut w)?;
    w.finish()
}

/// CSP WBXML bytes → message.
pub fn from_wbxml(bytes: &[u8], options: &DecodeOptions) -> Result<Message, Error> {
    let mut r = imps_csp_wbxml::WbxmlReader::new(bytes, &imps_csp_wbxml::DecodeOptions::default())?;
    let version = r.version();
    imps_model::decode_with(&mut r, &options.clone().with_default_version(version))
}

/// Message → phone-style CSP WBXML bytes.
pub fn to_wbxml(msg: &Message) -> Result<Vec<u8>, Error> {
    let mut w = imps_csp_wbxml::WbxmlWriter::new(imps_csp_wbxml::EncodeOptions::phone(msg.version));
    imps_model::encode(msg, &mut w)?;
    w.finish()
}
