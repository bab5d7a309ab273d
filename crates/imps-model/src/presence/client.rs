//! The `ClientInfo` attribute (WV-PA "ClientInfo"): what the user's client
//! is.

use crate::leaf::Text;
use crate::presence::values::{Boolean, ClientType};

element! {
    /// `ClientInfo (Qualifier?, ClientType?, DevManufacturer?,
    /// ClientProducer?, Model?, ClientVersion?, Language?)`.
    ///
    /// Servers and clients add vendor elements in other namespaces
    /// (Colibria's `ClientTypeDetail`) and CSP 1.3 adds `ClientContentLimit`,
    /// `ClientIMPriority`, `MaxPullLength`, `MaxPushLength`: those are kept in
    /// `extra` (lenient) or refused (strict).
    pub struct ClientInfo: ClientInfo {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `ClientType`: the kind of device.
        client_type: opt(ClientType => ClientType),
        /// `DevManufacturer`: who made the device.
        dev_manufacturer: opt(DevManufacturer => Text),
        /// `ClientProducer`: who made the client software.
        client_producer: opt(ClientProducer => Text),
        /// `Model`: the device model.
        model: opt(Model => Text),
        /// `ClientVersion`: the client software version.
        client_version: opt(ClientVersion => Text),
        /// `Language`: the client's language (ISO 639-2/T, e.g. `fin`).
        language: opt(Language => Text),
    }
}
