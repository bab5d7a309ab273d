//! Instant messaging (WV-CSP "IM features"): send, deliver, notify, get,
//! reject, forward, delivery reports.

use crate::common::{CspResult, MessageInfo, Recipient};
use crate::leaf::ContentData;
use crate::leaf::Text;
use crate::values::DeliveryMethod;

element! {
    /// `SendMessage-Request (DeliveryReport?, MessageInfo, ContentData?)`.
    pub struct SendMessageRequest: SendMessageRequest {
        /// `DeliveryReport`: ask for a `DeliveryReport-Request`.
        delivery_report: opt(DeliveryReport => bool),
        /// `MessageInfo`.
        info: req(MessageInfo => MessageInfo),
        /// `ContentData`: the message.
        content: opt(ContentData => ContentData),
    }
}

element! {
    /// `SendMessage-Response (Result, MessageID?)`.
    pub struct SendMessageResponse: SendMessageResponse {
        /// `Result`.
        result: req(Result => CspResult),
        /// `MessageID` the server gave the message.
        message_id: opt(MessageID => Text),
    }
}

element! {
    /// `SetDeliveryMethod-Request (DeliveryMethod, AcceptedContentLength?,
    /// GroupID?)`.
    pub struct SetDeliveryMethodRequest: SetDeliveryMethodRequest {
        /// `DeliveryMethod`.
        method: req(DeliveryMethod => DeliveryMethod),
        /// `AcceptedContentLength` in bytes.
        accepted_content_length: opt(AcceptedContentLength => u32),
        /// `GroupID` it applies to.
        group_id: opt(GroupID => Text),
    }
}

element! {
    /// `GetMessageList-Request (GroupID?, MessageCount?)`.
    pub struct GetMessageListRequest: GetMessageListRequest {
        /// `GroupID`.
        group_id: opt(GroupID => Text),
        /// `MessageCount`: at most this many.
        message_count: opt(MessageCount => u32),
    }
}

element! {
    /// `GetMessageList-Response (MessageInfo*)`.
    pub struct GetMessageListResponse: GetMessageListResponse {
        /// `MessageInfo`s.
        messages: many(MessageInfo => MessageInfo),
    }
}

element! {
    /// `RejectMessage-Request (MessageID+)`.
    pub struct RejectMessageRequest: RejectMessageRequest {
        /// `MessageID`s.
        message_ids: some(MessageID => Text),
    }
}

element! {
    /// `MessageNotification (MessageInfo)`: a message is waiting.
    pub struct MessageNotification: MessageNotification {
        /// `MessageInfo`.
        info: req(MessageInfo => MessageInfo),
    }
}

element! {
    /// `GetMessage-Request (MessageID)`.
    pub struct GetMessageRequest: GetMessageRequest {
        /// `MessageID`.
        message_id: req(MessageID => Text),
    }
}

element! {
    /// `GetMessage-Response (MessageInfo, ContentData?)`.
    pub struct GetMessageResponse: GetMessageResponse {
        /// `MessageInfo`.
        info: req(MessageInfo => MessageInfo),
        /// `ContentData`.
        content: opt(ContentData => ContentData),
    }
}

element! {
    /// `NewMessage (MessageInfo, ContentData?)`: push delivery.
    pub struct NewMessage: NewMessage {
        /// `MessageInfo`.
        info: req(MessageInfo => MessageInfo),
        /// `ContentData`.
        content: opt(ContentData => ContentData),
    }
}

element! {
    /// `MessageDelivered (MessageID)`: the client got a `NewMessage`.
    pub struct MessageDelivered: MessageDelivered {
        /// `MessageID`.
        message_id: req(MessageID => Text),
    }
}

element! {
    /// `DeliveryReport-Request (Result, DeliveryTime?, MessageInfo)`.
    pub struct DeliveryReportRequest: DeliveryReportRequest {
        /// `Result` of the delivery.
        result: req(Result => CspResult),
        /// `DeliveryTime`.
        delivery_time: opt(DeliveryTime => crate::leaf::Timestamp),
        /// `MessageInfo`.
        info: req(MessageInfo => MessageInfo),
    }
}

element! {
    /// `ForwardMessage-Request (MessageID, Recipient)`.
    pub struct ForwardMessageRequest: ForwardMessageRequest {
        /// `MessageID`.
        message_id: req(MessageID => Text),
        /// `Recipient`.
        recipient: req(Recipient => Recipient),
    }
}
