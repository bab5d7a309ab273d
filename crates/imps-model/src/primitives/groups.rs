//! Groups (WV-CSP "Group features"): create, delete, join, leave, members,
//! member access, properties, reject lists, change notices, joined users.

use crate::common::{
    CspResult, EntityList, GroupProperties, Properties, ScreenName, UserList, WelcomeNote,
};
use crate::leaf::Text;
use crate::values::SubscribeType;

element! {
    /// `CreateGroup-Request (GroupID, GroupProperties, JoinGroup, ScreenName?,
    /// SubscribeNotification)`.
    pub struct CreateGroupRequest: CreateGroupRequest {
        /// `GroupID`.
        group_id: req(GroupID => Text),
        /// `GroupProperties`.
        properties: req(GroupProperties => GroupProperties),
        /// `JoinGroup`: join it at once.
        join_group: req(JoinGroup => bool),
        /// `ScreenName` to join with.
        screen_name: opt(ScreenName => ScreenName),
        /// `SubscribeNotification`: get `GroupChangeNotice`s.
        subscribe_notification: req(SubscribeNotification => bool),
    }
}

element! {
    /// `DeleteGroup-Request (GroupID)`.
    pub struct DeleteGroupRequest: DeleteGroupRequest {
        /// `GroupID`.
        group_id: req(GroupID => Text),
    }
}

element! {
    /// `JoinGroup-Request (GroupID, ScreenName?, JoinedRequest?,
    /// SubscribeNotification?, OwnProperties?)`.
    pub struct JoinGroupRequest: JoinGroupRequest {
        /// `GroupID`.
        group_id: req(GroupID => Text),
        /// `ScreenName`.
        screen_name: opt(ScreenName => ScreenName),
        /// `JoinedRequest`: return the joined users.
        joined_request: opt(JoinedRequest => bool),
        /// `SubscribeNotification`.
        subscribe_notification: opt(SubscribeNotification => bool),
        /// `OwnProperties` (CSP 1.2).
        own_properties: opt(OwnProperties => Properties),
    }
}

element! {
    /// `JoinGroup-Response (UserList? | UserMapList?, WelcomeNote?)`: CSP 1.1
    /// returns a `UserList`, CSP 1.2 a `UserMapList`.
    pub struct JoinGroupResponse: JoinGroupResponse {
        /// `UserList` (CSP 1.1).
        user_list: opt(UserList => UserList),
        /// `UserMapList` (CSP 1.2).
        user_map_list: opt(UserMapList => UserMapList),
        /// `WelcomeNote`.
        welcome_note: opt(WelcomeNote => WelcomeNote),
    }
}

element! {
    /// `LeaveGroup-Request (GroupID)`.
    pub struct LeaveGroupRequest: LeaveGroupRequest {
        /// `GroupID`.
        group_id: req(GroupID => Text),
    }
}

element! {
    /// `LeaveGroup-Response (GroupID?, Result)` (also sent unsolicited when
    /// the server removes the user).
    pub struct LeaveGroupResponse: LeaveGroupResponse {
        /// `GroupID`.
        group_id: opt(GroupID => Text),
        /// `Result`.
        result: req(Result => CspResult),
    }
}

element! {
    /// `GetGroupMembers-Request (GroupID)`.
    pub struct GetGroupMembersRequest: GetGroupMembersRequest {
        /// `GroupID`.
        group_id: req(GroupID => Text),
    }
}

element! {
    /// `GetGroupMembers-Response (Admin?, Mod?, Users?)`.
    pub struct GetGroupMembersResponse: GetGroupMembersResponse {
        /// `Admin`s.
        admin: opt(Admin => Members),
        /// `Mod`erators.
        moderators: opt(Mod => Members),
        /// ordinary `Users`.
        users: opt(Users => Members),
    }
}

element! {
    /// `Admin (UserList)`; also `Mod` and `Users`.
    pub struct Members: Admin {
        /// `UserList`.
        user_list: req(UserList => UserList),
    }
}

element! {
    /// `AddGroupMembers-Request (GroupID, UserList)`.
    pub struct AddGroupMembersRequest: AddGroupMembersRequest {
        /// `GroupID`.
        group_id: req(GroupID => Text),
        /// `UserList`.
        user_list: req(UserList => UserList),
    }
}

element! {
    /// `RemoveGroupMembers-Request (GroupID, UserList)`.
    pub struct RemoveGroupMembersRequest: RemoveGroupMembersRequest {
        /// `GroupID`.
        group_id: req(GroupID => Text),
        /// `UserList`.
        user_list: req(UserList => UserList),
    }
}

element! {
    /// `MemberAccess-Request (GroupID, Admin?, Mod?, Users?)`.
    pub struct MemberAccessRequest: MemberAccessRequest {
        /// `GroupID`.
        group_id: req(GroupID => Text),
        /// `Admin`s.
        admin: opt(Admin => Members),
        /// `Mod`erators.
        moderators: opt(Mod => Members),
        /// ordinary `Users`.
        users: opt(Users => Members),
    }
}

element! {
    /// `GetGroupProps-Request (GroupID)`.
    pub struct GetGroupPropsRequest: GetGroupPropsRequest {
        /// `GroupID`.
        group_id: req(GroupID => Text),
    }
}

element! {
    /// `GetGroupProps-Response (GroupProperties, OwnProperties?)`.
    pub struct GetGroupPropsResponse: GetGroupPropsResponse {
        /// `GroupProperties`.
        properties: req(GroupProperties => GroupProperties),
        /// `OwnProperties`.
        own_properties: opt(OwnProperties => Properties),
    }
}

element! {
    /// `SetGroupProps-Request (GroupID, GroupProperties?, OwnProperties?)`.
    pub struct SetGroupPropsRequest: SetGroupPropsRequest {
        /// `GroupID`.
        group_id: req(GroupID => Text),
        /// `GroupProperties`.
        properties: opt(GroupProperties => GroupProperties),
        /// `OwnProperties`.
        own_properties: opt(OwnProperties => Properties),
    }
}

element! {
    /// `RejectList-Request (GroupID, AddList?, RemoveList?)`.
    pub struct RejectListRequest: RejectListRequest {
        /// `GroupID`.
        group_id: req(GroupID => Text),
        /// `AddList`.
        add: opt(AddList => EntityList),
        /// `RemoveList`.
        remove: opt(RemoveList => EntityList),
    }
}

element! {
    /// `RejectList-Response (UserList?)`.
    pub struct RejectListResponse: RejectListResponse {
        /// `UserList`: the rejected users.
        user_list: opt(UserList => UserList),
    }
}

element! {
    /// `SubscribeGroupNotice-Request (GroupID, SubscribeType)`.
    pub struct SubscribeGroupNoticeRequest: SubscribeGroupNoticeRequest {
        /// `GroupID`.
        group_id: req(GroupID => Text),
        /// `SubscribeType`.
        subscribe_type: req(SubscribeType => SubscribeType),
    }
}

element! {
    /// `SubscribeGroupNotice-Response (Value)`.
    pub struct SubscribeGroupNoticeResponse: SubscribeGroupNoticeResponse {
        /// `Value`: the subscription state (`T`/`F`).
        value: req(Value => Text),
    }
}

element! {
    /// `GroupChangeNotice (GroupID, Joined?, Left?, GroupProperties?,
    /// OwnProperties?)`.
    pub struct GroupChangeNotice: GroupChangeNotice {
        /// `GroupID`.
        group_id: req(GroupID => Text),
        /// `Joined`: who joined.
        joined: opt(Joined => Joined),
        /// `Left`: who left.
        left: opt(Left => Left),
        /// `GroupProperties` changed.
        properties: opt(GroupProperties => GroupProperties),
        /// `OwnProperties` changed.
        own_properties: opt(OwnProperties => Properties),
    }
}

element! {
    /// `Joined (UserMapList | ScreenName+)`: CSP 1.2 / CSP 1.1.
    pub struct Joined: Joined {
        /// `UserMapList` (CSP 1.2).
        user_map_list: opt(UserMapList => UserMapList),
        /// `ScreenName`s (CSP 1.1).
        screen_names: many(ScreenName => ScreenName),
    }
}

element! {
    /// `Left (UserList | ScreenName+)`: CSP 1.2 / CSP 1.1.
    pub struct Left: Left {
        /// `UserList` (CSP 1.2).
        user_list: opt(UserList => UserList),
        /// `ScreenName`s (CSP 1.1).
        screen_names: many(ScreenName => ScreenName),
    }
}

element! {
    /// `GetJoinedUsers-Request (GroupID)` (CSP 1.2).
    pub struct GetJoinedUsersRequest: GetJoinedUsersRequest {
        /// `GroupID`.
        group_id: req(GroupID => Text),
    }
}

element! {
    /// `GetJoinedUsers-Response (AdminMapList | UserMapList)` (CSP 1.2).
    pub struct GetJoinedUsersResponse: GetJoinedUsersResponse {
        /// `AdminMapList` (the requester is an administrator).
        admin_map_list: opt(AdminMapList => AdminMapList),
        /// `UserMapList`.
        user_map_list: opt(UserMapList => UserMapList),
    }
}

element! {
    /// `AdminMapList (AdminMapping?, ModMapping?, UserMapping?)`.
    pub struct AdminMapList: AdminMapList {
        /// `AdminMapping`.
        admins: opt(AdminMapping => Mappings),
        /// `ModMapping`.
        moderators: opt(ModMapping => Mappings),
        /// `UserMapping`.
        users: opt(UserMapping => Mappings),
    }
}

element! {
    /// `UserMapList (UserMapping?)`.
    pub struct UserMapList: UserMapList {
        /// `UserMapping`.
        users: opt(UserMapping => Mappings),
    }
}

element! {
    /// `UserMapping (Mapping+)`; also `AdminMapping` and `ModMapping`.
    pub struct Mappings: UserMapping {
        /// `Mapping`s.
        mappings: some(Mapping => Mapping),
    }
}

element! {
    /// `Mapping (SName, UserID?)`: a screen name and, when visible, the user.
    pub struct Mapping: Mapping {
        /// `SName`.
        sname: req(SName => Text),
        /// `UserID`.
        user_id: opt(UserID => Text),
    }
}
