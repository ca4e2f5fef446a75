loading = Loading…

## Login page
login-title = Sign in to { $brand }
login-homeserver = Homeserver
login-homeserver-hint = A server name such as example.org, or a full URL
login-username = User name
login-username-hint = Your user name, or a full user ID such as @alice:example.org
login-password = Password
login-submit = Sign in
login-in-progress = Signing in…

## Home page
home-signed-in-as = Signed in as { $user }
home-device = Device { $device }
sync-status = Sync: { $status }
sync-starting = starting
sync-running = running
sync-offline = offline
sync-error = error
sync-stopped = stopped
logout = Sign out
logout-in-progress = Signing out…
logout-unreachable = The server can't be reached, so this session could not be ended there.
logout-local-only = Sign out on this device only

## Errors
error-wrong-credentials = Wrong user name or password.
error-rate-limited = Too many attempts. Wait a moment and try again.
error-unreachable = Can't reach { $server }. Check the address and your connection.
error-not-matrix = { $server } answered, but it is not a Matrix server.
error-no-sliding-sync = { $server } is a Matrix server without simplified sliding sync (MSC4186), which Lattice needs. The administrator must enable it (Synapse 1.114 or newer serves it by default).
error-invalid-homeserver = “{ $input }” is not a server name or address.
error-invalid-user-id = “{ $input }” is not a valid user ID.
error-storage = The browser's storage is not available: { $detail }
error-server = The server reported an error: { $detail }
error-config = The configuration file is invalid: { $detail }
error-session-expired = Your session has ended. Sign in again.
error-room-not-found = There is no room “{ $room }”, or you are not in it.
error-forbidden = You don't have permission to do that here.
error-unknown-user = There is no user “{ $user }”.
error-invalid-room-address = “{ $input }” is not a room address. Room addresses look like #name:example.org.
error-invalid-alias = “{ $input }” can't be used as an address: use letters, digits and dashes, without spaces.
error-alias-taken = The address “{ $alias }” is already taken.
error-offline = Can't reach the server. Check your connection and try again; nothing was changed.

## Shell and room list
sidebar-label = Rooms and account
title-unread = { $count ->
    [one] (1 unread) { $brand }
   *[other] ({ $count } unread) { $brand }
}
action-start-chat = Start chat
action-new-room = New room
action-join-room = Join room
filters-label = Show
filter-all = All
filter-unread = Unread
filter-people = People
filter-rooms = Rooms
rooms-search = Search rooms by name
rooms-list-label = Rooms
rooms-loading = Loading rooms…
rooms-none = No rooms to show.
room-invited = Invited you to join
room-unread = { $count ->
    [one] 1 unread message
   *[other] { $count } unread messages
}
room-mentions = { $count ->
    [one] 1 mention
   *[other] { $count } mentions
}
invite-accept = Accept
invite-decline = Decline
room-none-selected = Choose a room from the list, or start a chat.

## Room view
room-members = { $count ->
    [one] 1 member
   *[other] { $count } members
}
room-invite = Invite
room-leave = Leave
members-label = Members
power-creator = Creator
power-admin = Admin
power-moderator = Moderator
power-level = Power level { $level }
timeline-label = Messages
timeline-loading = Loading older messages…
timeline-start = This is the start of the room.
timeline-read-marker = New messages below
event-edited = (edited)
event-redacted = Message deleted
event-utd = Unable to decrypt this message.
event-unsupported = Unsupported event ({ $event_type })
reply-loading = Loading the replied-to message…
reactions-label = Reactions
reaction-count = { $key }: { $count }
thread-replies = { $count ->
    [one] 1 reply
   *[other] { $count } replies
}
utd-unknown = The keys for it have not arrived.
utd-sent-before-joined = It was sent before you joined.
utd-verification-violation = The sender's identity changed since it was verified.
utd-unverified-sender = The sender's device is not verified.
utd-historical-no-backup = It was sent before this session existed, and key backup is off.
utd-historical-unverified = It was sent before this session existed; verify this session to read it.
utd-withheld-unverified = The sender does not share keys with unverified sessions.
utd-withheld = The sender withheld the keys.
state-joined = { $user } joined
state-left = { $user } left
state-invited = { $sender } invited { $user }
state-invite-rejected = { $user } declined the invitation
state-invite-revoked = { $sender } withdrew { $user }'s invitation
state-kicked = { $sender } removed { $user }
state-banned = { $sender } banned { $user }
state-unbanned = { $sender } unbanned { $user }
state-knock = { $user } asked to join
state-membership-other = { $user }'s membership changed
state-display-name = { $sender } is now called { $name }
state-display-name-removed = { $sender } removed their display name
state-avatar = { $sender } changed their avatar
state-room-name = { $sender } renamed the room to { $name }
state-room-topic = { $sender } set the topic to “{ $topic }”
state-room-created = { $sender } created the room
state-encryption = { $sender } turned on end-to-end encryption
state-other = { $sender } changed the room ({ $event_type })
send-sending = Sending…
send-sent = Sent
send-failed = Not sent
send-retry = Retry
send-cancel = Cancel

## Composer
composer-label = Message to { $room }
composer-placeholder = Write a message…
composer-hint = Enter sends, Shift+Enter starts a new line. Markdown is supported.
composer-send = Send

## Dialogs
dialog-close = Close
start-chat-title = Start a chat
start-chat-pick = Chat
start-chat-with = Start a chat with { $name }
invite-title = Invite someone
invite-pick = Invite
invite-who = Invite { $name }
people-search = Name or user ID
people-search-hint = Searches this server's user directory. A full ID such as @alice:example.org can be used directly.
people-search-submit = Search
people-results = People found
people-none = No one found.
new-room-title = New room
new-room-name = Name
new-room-topic = Topic (optional)
new-room-access = Who can join
new-room-private = Private: only people you invite; messages are end-to-end encrypted
new-room-public = Public: anyone can join with the address; not encrypted
new-room-alias = Address
new-room-alias-hint = The part before the colon, e.g. team for #team:example.org
new-room-create = Create room
join-title = Join a room
join-address = Room address or ID
join-address-hint = For example #team:example.org
join-submit = Join

## Administrator's policy, storage, and the one-tab lock
language-name = English
login-server-locked = You are signing in to { $server }.
help-link = Help and support
error-config-field = The administrator's settings (config.json) have a problem in the field “{ $field }”: { $problem }
error-homeserver-not-allowed = Your organisation's policy only allows signing in to { $server }.
error-storage-unavailable = This browser refuses to store data for this site.
config-error-title = The app can't start
config-error-admin = The administrator must correct config.json on the server. Nothing has changed in your account.
storage-unavailable-title = This browser can't keep data for this site
storage-unavailable-user = Without storage, your messages and encryption keys can't be kept. Private windows often refuse it: open this page in a normal window.
storage-unavailable-it = For IT: allow site data (cookies and IndexedDB) for this site's address only, for example with the Chrome and Edge policy CookiesAllowedForUrls or Firefox's Cookies policy. No other site needs to be allowed.
storage-not-persistent = This browser may delete the app's data, including your encryption keys, when disk space runs low. Ask IT to allow persistent storage for this site.
tab-elsewhere-title = { $brand } is open in another tab
tab-elsewhere-body = It runs in one tab at a time, so that nothing is sent twice and your encryption keys stay intact.
tab-stopped-title = { $brand } is now open in another tab
tab-stopped-body = This tab has stopped. Nothing was lost.
tab-free-title = The other tab was closed
tab-free-body = You can continue here.
tab-use-here = Use here

## Settings
settings-open = Settings
settings-title = Settings
settings-account = Account
settings-user-id = User ID
settings-device-id = Device
settings-homeserver = Homeserver
settings-language = Language
settings-language-hint = The page reloads in the chosen language.

## Rooms: policy, links, announcements
new-room-encryption-required = Your organisation requires end-to-end encryption, so every new room is private and encrypted.
room-copy-link = Copy link to this room
room-link-copied = Link copied: { $link }
room-link-not-copied = The browser did not allow copying. The link is { $link }
live-message = { $sender }: { $body }
live-messages-from = { $count ->
    [one] One new message from { $sender }
   *[other] { $count } new messages from { $sender }
}
live-messages = { $count ->
    [one] One new message
   *[other] { $count } new messages
}
