//! Service and capability negotiation (WV-CSP "Service negotiation",
//! "Client capability negotiation"): `Service-Request/-Response` with the
//! `Functions` tree, `ClientCapability-Request/-Response` with
//! `CapabilityList` and `AgreedCapabilityList`.
//!
//! The function tree follows `spec/scr/csp-1.2-function-tree.tsv`: each
//! feature holds function groups, each group holds empty function-code
//! elements, modelled as `bool` flags. An empty feature element (`<IMFeat/>`)
//! asks for / grants the whole feature.

use crate::common::ClientId;
use crate::leaf::Text;
use crate::values::{Bearer, CirMethod, ClientType, DeliveryMethod, Encoding};

element! {
    /// `Service-Request (ClientID?, Functions?, AllFunctionsRequest)`.
    pub struct ServiceRequest: ServiceRequest {
        /// `ClientID` (CSP 1.1; real 1.2 clients send it too).
        client_id: opt(ClientID => ClientId),
        /// `Functions`: the requested functions.
        functions: opt(Functions => Functions),
        /// `AllFunctionsRequest`: ask for the list of everything offered.
        all_functions_request: req(AllFunctionsRequest => bool),
    }
}

element! {
    /// `Service-Response (ClientID?, Functions?, AllFunctions?)`.
    pub struct ServiceResponse: ServiceResponse {
        /// `ClientID` (CSP 1.1).
        client_id: opt(ClientID => ClientId),
        /// `Functions`: the agreed functions.
        functions: opt(Functions => Functions),
        /// `AllFunctions`: everything the server offers.
        all_functions: opt(AllFunctions => Functions),
    }
}

element! {
    /// `Functions (WVCSPFeat)`; also `AllFunctions`.
    pub struct Functions: Functions {
        /// `WVCSPFeat` (boxed: the tree is large and rare).
        features: req(WVCSPFeat => Box<Features>),
    }
}

element! {
    /// `WVCSPFeat (FundamentalFeat?, PresenceFeat?, IMFeat?, GroupFeat?)`.
    pub struct Features: WVCSPFeat {
        /// `FundamentalFeat`.
        fundamental: opt(FundamentalFeat => FundamentalFeat),
        /// `PresenceFeat`.
        presence: opt(PresenceFeat => PresenceFeat),
        /// `IMFeat`.
        im: opt(IMFeat => ImFeat),
        /// `GroupFeat`.
        group: opt(GroupFeat => GroupFeat),
    }
}

element! {
    /// `FundamentalFeat (MF | (ServiceFunc?, SearchFunc?, InviteFunc?,
    /// VerifyIDFunc?))`.
    pub struct FundamentalFeat: FundamentalFeat {
        /// `MF` marker (CSP 1.2).
        mf: flag(Mf),
        /// `ServiceFunc`.
        service: opt(ServiceFunc => ServiceFunc),
        /// `SearchFunc`.
        search: opt(SearchFunc => SearchFunc),
        /// `InviteFunc`.
        invite: opt(InviteFunc => InviteFunc),
        /// `VerifyIDFunc` (CSP 1.2).
        verify_id: opt(VerifyIDFunc => VerifyIdFunc),
    }
}

element! {
    /// `ServiceFunc (GETSPI?)`.
    pub struct ServiceFunc: ServiceFunc {
        /// `GETSPI`: GetSPInfo.
        getspi: flag(Getspi),
    }
}

element! {
    /// `SearchFunc (SRCH?, STSRC?)`.
    pub struct SearchFunc: SearchFunc {
        /// `SRCH`: Search.
        srch: flag(Srch),
        /// `STSRC`: StopSearch.
        stsrc: flag(Stsrc),
    }
}

element! {
    /// `InviteFunc (INVIT?, CAINV?)`.
    pub struct InviteFunc: InviteFunc {
        /// `INVIT`: invitations.
        invit: flag(Invit),
        /// `CAINV`: cancel invitation.
        cainv: flag(Cainv),
    }
}

element! {
    /// `VerifyIDFunc (VRID?)` (CSP 1.2).
    pub struct VerifyIdFunc: VerifyIDFunc {
        /// `VRID`: VerifyID.
        vrid: flag(Vrid),
    }
}

element! {
    /// `PresenceFeat (MP | (ContListFunc?, PresenceAuthFunc?,
    /// PresenceDeliverFunc?, AttListFunc?))`.
    pub struct PresenceFeat: PresenceFeat {
        /// `MP` marker (CSP 1.2).
        mp: flag(Mp),
        /// `ContListFunc`.
        contact_list: opt(ContListFunc => ContListFunc),
        /// `PresenceAuthFunc`.
        auth: opt(PresenceAuthFunc => PresenceAuthFunc),
        /// `PresenceDeliverFunc`.
        deliver: opt(PresenceDeliverFunc => PresenceDeliverFunc),
        /// `AttListFunc`.
        attribute_list: opt(AttListFunc => AttListFunc),
    }
}

element! {
    /// `ContListFunc (GCLI?, CCLI?, DCLI?, MCLS?)`.
    pub struct ContListFunc: ContListFunc {
        /// `GCLI`: GetList.
        gcli: flag(Gcli),
        /// `CCLI`: CreateList.
        ccli: flag(Ccli),
        /// `DCLI`: DeleteList.
        dcli: flag(Dcli),
        /// `MCLS`: ListManage.
        mcls: flag(Mcls),
    }
}

element! {
    /// `PresenceAuthFunc (GETWL?, REACT?, CAAUT?, GETAUT?)`.
    pub struct PresenceAuthFunc: PresenceAuthFunc {
        /// `GETWL`: GetWatcherList.
        getwl: flag(Getwl),
        /// `REACT`: reactive authorisation.
        react: flag(React),
        /// `CAAUT`: CancelAuth.
        caaut: flag(Caaut),
        /// `GETAUT`: GetReactiveAuthStatus (CSP 1.2).
        getaut: flag(Getaut),
    }
}

element! {
    /// `PresenceDeliverFunc (GETPR?, UPDPR?)`.
    pub struct PresenceDeliverFunc: PresenceDeliverFunc {
        /// `GETPR`: GetPresence.
        getpr: flag(Getpr),
        /// `UPDPR`: UpdatePresence.
        updpr: flag(Updpr),
    }
}

element! {
    /// `AttListFunc (CALI?, DALI?, GALS?)`.
    pub struct AttListFunc: AttListFunc {
        /// `CALI`: CreateAttributeList.
        cali: flag(Cali),
        /// `DALI`: DeleteAttributeList.
        dali: flag(Dali),
        /// `GALS`: GetAttributeList.
        gals: flag(Gals),
    }
}

element! {
    /// `IMFeat (MM | (IMSendFunc?, IMReceiveFunc?, IMAuthFunc?))`.
    pub struct ImFeat: IMFeat {
        /// `MM` marker (CSP 1.2).
        mm: flag(Mm),
        /// `IMSendFunc`.
        send: opt(IMSendFunc => ImSendFunc),
        /// `IMReceiveFunc`.
        receive: opt(IMReceiveFunc => ImReceiveFunc),
        /// `IMAuthFunc`.
        auth: opt(IMAuthFunc => ImAuthFunc),
    }
}

element! {
    /// `IMSendFunc (MDELIV?, FWMSG?)`.
    pub struct ImSendFunc: IMSendFunc {
        /// `MDELIV`: delivery reports.
        mdeliv: flag(Mdeliv),
        /// `FWMSG`: ForwardMessage.
        fwmsg: flag(Fwmsg),
    }
}

element! {
    /// `IMReceiveFunc (SETD?, GETLM?, GETM?, REJCM?, NOTIF?, NEWM?)`.
    pub struct ImReceiveFunc: IMReceiveFunc {
        /// `SETD`: SetDeliveryMethod.
        setd: flag(Setd),
        /// `GETLM`: GetMessageList.
        getlm: flag(Getlm),
        /// `GETM`: GetMessage.
        getm: flag(Getm),
        /// `REJCM`: RejectMessage.
        rejcm: flag(Rejcm),
        /// `NOTIF`: MessageNotification.
        notif: flag(Notif),
        /// `NEWM`: NewMessage.
        newm: flag(Newm),
    }
}

element! {
    /// `IMAuthFunc (GLBLU?, BLENT?)`.
    pub struct ImAuthFunc: IMAuthFunc {
        /// `GLBLU`: GetBlockedList.
        glblu: flag(Glblu),
        /// `BLENT`: BlockEntity.
        blent: flag(Blent),
    }
}

element! {
    /// `GroupFeat (MG | (GroupMgmtFunc?, GroupUseFunc?, GroupAuthFunc?))`.
    pub struct GroupFeat: GroupFeat {
        /// `MG` marker (CSP 1.2).
        mg: flag(Mg),
        /// `GroupMgmtFunc`.
        management: opt(GroupMgmtFunc => GroupMgmtFunc),
        /// `GroupUseFunc`.
        usage: opt(GroupUseFunc => GroupUseFunc),
        /// `GroupAuthFunc`.
        auth: opt(GroupAuthFunc => GroupAuthFunc),
    }
}

element! {
    /// `GroupMgmtFunc (CREAG?, DELGR?, GETGP?, SETGP?)`.
    pub struct GroupMgmtFunc: GroupMgmtFunc {
        /// `CREAG`: CreateGroup.
        creag: flag(Creag),
        /// `DELGR`: DeleteGroup.
        delgr: flag(Delgr),
        /// `GETGP`: GetGroupProps.
        getgp: flag(Getgp),
        /// `SETGP`: SetGroupProps.
        setgp: flag(Setgp),
    }
}

element! {
    /// `GroupUseFunc (SUBGCN?, GRCHN?, GETJU?)`.
    pub struct GroupUseFunc: GroupUseFunc {
        /// `SUBGCN`: SubscribeGroupNotice.
        subgcn: flag(Subgcn),
        /// `GRCHN`: GroupChangeNotice.
        grchn: flag(Grchn),
        /// `GETJU`: GetJoinedUsers (CSP 1.2).
        getju: flag(Getju),
    }
}

element! {
    /// `GroupAuthFunc (GETGM?, ADDGM?, RMVGM?, MBRAC?, REJEC?)`.
    pub struct GroupAuthFunc: GroupAuthFunc {
        /// `GETGM`: GetGroupMembers.
        getgm: flag(Getgm),
        /// `ADDGM`: AddGroupMembers.
        addgm: flag(Addgm),
        /// `RMVGM`: RemoveGroupMembers.
        rmvgm: flag(Rmvgm),
        /// `MBRAC`: MemberAccess.
        mbrac: flag(Mbrac),
        /// `REJEC`: RejectList.
        rejec: flag(Rejec),
    }
}

element! {
    /// `ClientCapability-Request (ClientID?, CapabilityList?)`.
    pub struct ClientCapabilityRequest: ClientCapabilityRequest {
        /// `ClientID` (CSP 1.1; real 1.2 clients send it too).
        client_id: opt(ClientID => ClientId),
        /// `CapabilityList` (boxed: large and rare).
        capability_list: opt(CapabilityList => Box<CapabilityList>),
    }
}

element! {
    /// `ClientCapability-Response (ClientID?, CapabilityList?,
    /// AgreedCapabilityList?)`: CSP 1.1 answers with a `CapabilityList`,
    /// CSP 1.2 with an `AgreedCapabilityList`.
    pub struct ClientCapabilityResponse: ClientCapabilityResponse {
        /// `ClientID` (CSP 1.1).
        client_id: opt(ClientID => ClientId),
        /// `CapabilityList` (CSP 1.1; boxed: large and rare).
        capability_list: opt(CapabilityList => Box<CapabilityList>),
        /// `AgreedCapabilityList` (CSP 1.2; boxed: large and rare).
        agreed: opt(AgreedCapabilityList => Box<AgreedCapabilityList>),
    }
}

element! {
    /// `CapabilityList (ClientType, InitialDeliveryMethod, ((AnyContent,
    /// AcceptedCharset*) | AcceptedContentType*), AcceptedTransferEncoding*,
    /// AcceptedContentLength?, SupportedBearer*, MultiTrans, ParserSize,
    /// SupportedCIRMethod*, UDPPort?, TCPAddress?, TCPPort?, ServerPollMin?,
    /// DefaultLanguage?)`.
    ///
    /// `AcceptedContentLength` is optional here: Android's 1.2 client leaves
    /// it out and CSP 1.3 removed it.
    pub struct CapabilityList: CapabilityList {
        /// `ClientType`.
        client_type: req(ClientType => ClientType),
        /// `InitialDeliveryMethod`.
        initial_delivery_method: req(InitialDeliveryMethod => DeliveryMethod),
        /// `AnyContent`: any content type is accepted.
        any_content: opt(AnyContent => bool),
        /// `AcceptedCharset`s (IANA MIBenum numbers).
        accepted_charsets: many(AcceptedCharset => u32),
        /// `AcceptedContentType`s.
        accepted_content_types: many(AcceptedContentType => Text),
        /// `AcceptedTransferEncoding`s.
        accepted_transfer_encodings: many(AcceptedTransferEncoding => Encoding),
        /// `AcceptedContentLength` in bytes.
        accepted_content_length: opt(AcceptedContentLength => u32),
        /// `SupportedBearer`s.
        supported_bearers: many(SupportedBearer => Bearer),
        /// `MultiTrans`: transactions per message.
        multi_trans: req(MultiTrans => u32),
        /// `ParserSize` in bytes.
        parser_size: req(ParserSize => u32),
        /// `SupportedCIRMethod`s.
        supported_cir_methods: many(SupportedCIRMethod => CirMethod),
        /// `UDPPort`.
        udp_port: opt(UDPPort => u32),
        /// `TCPAddress` (CSP 1.1 responses).
        tcp_address: opt(TCPAddress => Text),
        /// `TCPPort` (CSP 1.1 responses).
        tcp_port: opt(TCPPort => u32),
        /// `ServerPollMin` in seconds.
        server_poll_min: opt(ServerPollMin => u32),
        /// `DefaultLanguage`.
        default_language: opt(DefaultLanguage => Text),
    }
}

element! {
    /// `AgreedCapabilityList (SupportedBearer*, SupportedCIRMethod*,
    /// TCPAddress?, TCPPort?, ServerPollMin?, CIRURL?)` (CSP 1.2).
    pub struct AgreedCapabilityList: AgreedCapabilityList {
        /// `SupportedBearer`s.
        supported_bearers: many(SupportedBearer => Bearer),
        /// `SupportedCIRMethod`s.
        supported_cir_methods: many(SupportedCIRMethod => CirMethod),
        /// `TCPAddress` for standalone TCP CIR.
        tcp_address: opt(TCPAddress => Text),
        /// `TCPPort` for standalone TCP CIR.
        tcp_port: opt(TCPPort => u32),
        /// `ServerPollMin` in seconds.
        server_poll_min: opt(ServerPollMin => u32),
        /// `CIRURL` for HTTP CIR.
        cir_url: opt(Cirurl => CirUrl),
    }
}

element! {
    /// `CIRURL (URL)`.
    pub struct CirUrl: Cirurl {
        /// `URL`.
        url: req(Url => Text),
    }
}
