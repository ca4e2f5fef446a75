//! Starting and ending conversations: create, DM, invite, join, leave, user search.

use matrix_sdk::HttpError;
use matrix_sdk::ruma::api::client::room::Visibility;
use matrix_sdk::ruma::api::client::room::create_room::v3::{
    Request as CreateRoomRequest, RoomPreset,
};
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::events::InitialStateEvent;
use matrix_sdk::ruma::events::room::encryption::RoomEncryptionEventContent;
use matrix_sdk::ruma::{
    OwnedRoomAliasId, OwnedRoomOrAliasId, OwnedServerName, OwnedUserId, RoomId,
};
use matrix_sdk::{Client, Room, RoomState};

use super::models::UserSummary;
use super::permalinks::{self, RoomLink};
use super::{ActiveSession, errors};
use crate::error::AppError;

/// What the "new room" form asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRoom {
    pub name: String,
    pub topic: String,
    /// Public: anyone may join, it gets an address, and it is not encrypted.
    /// Private: invite-only and end-to-end encrypted.
    pub public: bool,
    /// The local part of the public room's address (`#alias:server`).
    pub alias: String,
}

/// Creates a room and returns its ID.
pub async fn create_room(session: &ActiveSession, new_room: &NewRoom) -> Result<String, AppError> {
    let mut request = CreateRoomRequest::new();
    request.name = Some(new_room.name.trim().to_owned()).filter(|name| !name.is_empty());
    request.topic = Some(new_room.topic.trim().to_owned()).filter(|topic| !topic.is_empty());
    if new_room.public {
        let alias = new_room.alias.trim().trim_start_matches('#').to_owned();
        if alias.is_empty() || alias.contains(':') || alias.contains(char::is_whitespace) {
            return Err(AppError::InvalidAlias(new_room.alias.clone()));
        }
        request.preset = Some(RoomPreset::PublicChat);
        request.visibility = Visibility::Public;
        request.room_alias_name = Some(alias);
    } else {
        request.preset = Some(RoomPreset::PrivateChat);
        request.initial_state = vec![
            InitialStateEvent::with_empty_state_key(
                RoomEncryptionEventContent::with_recommended_defaults(),
            )
            .to_raw_any(),
        ];
    }
    let room = session
        .client()
        .create_room(request)
        .await
        .map_err(|e| sdk_error(&e, &new_room.alias))?;
    Ok(room.room_id().to_string())
}

/// Opens the existing DM with `user_id`, or creates an encrypted one and invites them.
pub async fn start_dm(session: &ActiveSession, user_id: &str) -> Result<String, AppError> {
    let client = session.client();
    let user = parse_user(user_id)?;
    if let Some(room) = client.get_dm_room(&user) {
        return Ok(room.room_id().to_string());
    }
    // The profile lookup tells an unknown user from a server error before a room is made.
    check_user_exists(client, &user).await?;
    let room = client
        .create_dm(&user)
        .await
        .map_err(|e| sdk_error(&e, user_id))?;
    Ok(room.room_id().to_string())
}

/// People in the server's user directory matching `term`.
pub async fn search_users(
    session: &ActiveSession,
    term: &str,
) -> Result<Vec<UserSummary>, AppError> {
    let response = session
        .client()
        .search_users(term.trim(), 20)
        .await
        .map_err(|e| http_error(&e, term))?;
    Ok(response
        .results
        .into_iter()
        .map(|user| UserSummary {
            user_id: user.user_id.to_string(),
            name: user.display_name,
            avatar: user.avatar_url.map(|uri| uri.to_string()),
        })
        .collect())
}

pub async fn invite(session: &ActiveSession, room_id: &str, user_id: &str) -> Result<(), AppError> {
    let room = room(session, room_id)?;
    let user = parse_user(user_id)?;
    check_user_exists(session.client(), &user).await?;
    room.invite_user_by_id(&user)
        .await
        .map_err(|e| sdk_error(&e, user_id))
}

/// Joins by `!id:server`, `#alias:server`, or a permalink to either (under matrix.to
/// or `prefix`), and returns the room's ID. A permalink's `via` servers are asked when
/// our server is not in the room yet: another organisation's room is found through them.
pub async fn join(
    session: &ActiveSession,
    address: &str,
    prefix: &str,
) -> Result<String, AppError> {
    let link = permalinks::room_in_link(address.trim(), prefix).unwrap_or_else(|| RoomLink {
        room: address.trim().to_owned(),
        via: Vec::new(),
    });
    join_link(session, &link).await
}

/// Joins the room of a permalink, asking its `via` servers if ours is not in it.
pub async fn join_link(session: &ActiveSession, link: &RoomLink) -> Result<String, AppError> {
    let target = OwnedRoomOrAliasId::try_from(link.room.as_str())
        .map_err(|_| AppError::InvalidRoomAddress(link.room.clone()))?;
    let via: Vec<OwnedServerName> = link
        .via
        .iter()
        .filter_map(|server| OwnedServerName::try_from(server.as_str()).ok())
        .collect();
    let room = session
        .client()
        .join_room_by_id_or_alias(&target, &via)
        .await
        .map_err(|e| sdk_error(&e, &link.room))?;
    Ok(room.room_id().to_string())
}

/// Accepts an invite.
pub async fn accept_invite(session: &ActiveSession, room_id: &str) -> Result<(), AppError> {
    room(session, room_id)?
        .join()
        .await
        .map_err(|e| sdk_error(&e, room_id))
}

/// Leaves a room, or declines an invite.
pub async fn leave(session: &ActiveSession, room_id: &str) -> Result<(), AppError> {
    room(session, room_id)?
        .leave()
        .await
        .map_err(|e| sdk_error(&e, room_id))
}

/// Whether we are in this room or invited to it, as far as this client knows now.
pub fn is_member(session: &ActiveSession, room_id: &str) -> bool {
    room(session, room_id)
        .is_ok_and(|room| matches!(room.state(), RoomState::Joined | RoomState::Invited))
}

pub(super) fn room(session: &ActiveSession, room_id: &str) -> Result<Room, AppError> {
    let id =
        <&RoomId>::try_from(room_id).map_err(|_| AppError::RoomNotFound(room_id.to_owned()))?;
    session
        .client()
        .get_room(id)
        .ok_or_else(|| AppError::RoomNotFound(room_id.to_owned()))
}

fn parse_user(user_id: &str) -> Result<OwnedUserId, AppError> {
    OwnedUserId::try_from(user_id.trim()).map_err(|_| AppError::InvalidUserId(user_id.to_owned()))
}

async fn check_user_exists(client: &Client, user: &OwnedUserId) -> Result<(), AppError> {
    match client.account().fetch_user_profile_of(user).await {
        Ok(_) => Ok(()),
        // A 404 whatever its error code: Synapse answers M_UNKNOWN ("No row found") for
        // local users that do not exist.
        Err(e)
            if e.as_client_api_error()
                .is_some_and(|api| api.status_code.as_u16() == 404) =>
        {
            Err(AppError::UnknownUser(user.to_string()))
        }
        Err(e) => Err(sdk_error(&e, user.as_str())),
    }
}

/// The server's refusals in words people can act on; `subject` is what was asked for.
fn sdk_error(error: &matrix_sdk::Error, subject: &str) -> AppError {
    match error {
        matrix_sdk::Error::Http(http) => http_error(http, subject),
        other => errors::failed(subject, other),
    }
}

fn http_error(error: &HttpError, subject: &str) -> AppError {
    // Every action here may reach another organisation's server through ours.
    if errors::remote_unreachable(error) {
        tracing::warn!("{subject}: {error}");
        return AppError::RemoteUnreachable;
    }
    match error.client_api_error_kind() {
        Some(ErrorKind::NotFound) => AppError::RoomNotFound(subject.to_owned()),
        Some(ErrorKind::Forbidden) => AppError::Forbidden,
        Some(ErrorKind::RoomInUse) => AppError::AliasTaken(subject.to_owned()),
        _ => errors::http(subject, error),
    }
}

/// The room an alias (from a permalink) points at, with the servers that know it.
pub async fn resolve_alias(session: &ActiveSession, alias: &str) -> Result<RoomLink, AppError> {
    let not_found = || AppError::RoomNotFound(alias.to_owned());
    let parsed = OwnedRoomAliasId::try_from(alias).map_err(|_| not_found())?;
    match session.client().resolve_room_alias(&parsed).await {
        Ok(response) => Ok(RoomLink {
            room: response.room_id.to_string(),
            via: response
                .servers
                .iter()
                .take(3)
                .map(ToString::to_string)
                .collect(),
        }),
        Err(error) => match http_error(&error, alias) {
            error @ (AppError::RemoteUnreachable | AppError::Offline) => Err(error),
            _ => Err(not_found()),
        },
    }
}
