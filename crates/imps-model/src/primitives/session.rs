//! Session management and discovery (WV-CSP "Session management",
//! "Service provider info", "Version discovery", "General"): `Login`,
//! `Logout`, `Disconnect`, `KeepAlive`, `Polling-Request`, `Status`,
//! `GetSPInfo`, `VerifyID-Request`, version discovery and `Extended`.

use crate::common::{ClientId, CspResult, IdList, Logo};
use crate::element::AnyContent;
use crate::leaf::Text;
use crate::values::DigestSchema;

element! {
    /// `Login-Request (UserID, ClientID, Password?, DigestBytes?,
    /// DigestSchema*, TimeToLive?, SessionCookie)`.
    pub struct LoginRequest: LoginRequest {
        /// `UserID`.
        user_id: req(UserID => Text),
        /// `ClientID`.
        client_id: req(ClientID => ClientId),
        /// `Password` (plain login).
        password: opt(Password => Text),
        /// `DigestBytes` (digest login, second step).
        digest_bytes: opt(DigestBytes => Text),
        /// `DigestSchema`s offered (first step of a digest login).
        digest_schemas: many(DigestSchema => DigestSchema),
        /// `TimeToLive` in seconds.
        time_to_live: opt(TimeToLive => u32),
        /// `SessionCookie`.
        session_cookie: req(SessionCookie => Text),
    }
}

element! {
    /// `Login-Response (ClientID, Result, Nonce?, DigestSchema?, SessionID?,
    /// KeepAliveTime?, CapabilityRequest?)`.
    pub struct LoginResponse: LoginResponse {
        /// `ClientID`.
        client_id: req(ClientID => ClientId),
        /// `Result` (401 with a `Nonce` is a digest challenge).
        result: req(Result => CspResult),
        /// `Nonce` for the digest.
        nonce: opt(Nonce => Text),
        /// `DigestSchema` chosen.
        digest_schema: opt(DigestSchema => DigestSchema),
        /// `SessionID` of the new session.
        session_id: opt(SessionID => Text),
        /// `KeepAliveTime` in seconds.
        keep_alive_time: opt(KeepAliveTime => u32),
        /// `CapabilityRequest`: the client must negotiate capabilities.
        capability_request: opt(CapabilityRequest => bool),
    }
}

element! {
    /// `Logout-Request` (empty).
    pub struct LogoutRequest: LogoutRequest {}
}

element! {
    /// `Disconnect (Result)`: the server ends the session.
    pub struct Disconnect: Disconnect {
        /// `Result`.
        result: req(Result => CspResult),
    }
}

element! {
    /// `KeepAlive-Request (TimeToLive?)`.
    pub struct KeepAliveRequest: KeepAliveRequest {
        /// `TimeToLive` in seconds.
        time_to_live: opt(TimeToLive => u32),
    }
}

element! {
    /// `KeepAlive-Response (Result, KeepAliveTime?)`.
    pub struct KeepAliveResponse: KeepAliveResponse {
        /// `Result`.
        result: req(Result => CspResult),
        /// `KeepAliveTime` in seconds.
        keep_alive_time: opt(KeepAliveTime => u32),
    }
}

element! {
    /// `Polling-Request` (empty).
    pub struct PollingRequest: PollingRequest {}
}

element! {
    /// `Status (Result, ClientID?)`: the generic answer.
    pub struct Status: Status {
        /// `Result`.
        result: req(Result => CspResult),
        /// `ClientID`.
        client_id: opt(ClientID => ClientId),
    }
}

element! {
    /// `GetSPInfo-Request (ClientID?)`.
    pub struct GetSpInfoRequest: GetSPInfoRequest {
        /// `ClientID`.
        client_id: opt(ClientID => ClientId),
    }
}

element! {
    /// `GetSPInfo-Response (ClientID?, Name, Logo?, Description?, URL?)`.
    pub struct GetSpInfoResponse: GetSPInfoResponse {
        /// `ClientID`.
        client_id: opt(ClientID => ClientId),
        /// `Name` of the service provider.
        name: req(Name => Text),
        /// `Logo`.
        logo: opt(Logo => Logo),
        /// `Description`.
        description: opt(Description => Text),
        /// `URL`.
        url: opt(Url => Text),
    }
}

element! {
    /// `VerifyID-Request (IDList)` (CSP 1.2).
    pub struct VerifyIdRequest: VerifyIDRequest {
        /// `IDList`.
        id_list: req(IDList => IdList),
    }
}

element! {
    /// `WV-CSP-VersionDiscovery-Request (VersionList?)` (CSP 1.2; also
    /// spelled `WV-CSP-NSDiscovery-Request`). The content model was not
    /// found; `VersionList` is kept generic.
    pub struct VersionDiscoveryRequest: WvCspVersionDiscoveryRequest {
        /// `VersionList`.
        version_list: opt(VersionList => AnyContent),
    }
}

element! {
    /// `WV-CSP-VersionDiscovery-Response (VersionList?)` (CSP 1.2). The
    /// content model was not found; `VersionList` is kept generic.
    pub struct VersionDiscoveryResponse: WvCspVersionDiscoveryResponse {
        /// `VersionList`.
        version_list: opt(VersionList => AnyContent),
    }
}

/// `Extended-Request`: a proprietary extension; its content is kept as it
/// came.
pub type ExtendedRequest = AnyContent;

/// `Extended-Response`: a proprietary extension; its content is kept as it
/// came.
pub type ExtendedResponse = AnyContent;
