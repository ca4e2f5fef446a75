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
login-sso-with = Sign in with { $provider }
login-sso = Sign in with single sign-on
login-sso-going = Opening your organisation's sign-in page…
login-sso-finishing = Finishing sign-in…
login-or = or

## Home page
home-signed-in-as = Signed in as { $user }
home-device = Device { $device }
sync-status = Sync: { $status }
sync-starting = starting
sync-running = running
sync-offline = offline
sync-slowed = waiting at the server's request
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
error-insecure-homeserver = { $server } is not served over https, so your password and messages would cross the network unprotected. Use its https:// address.
error-invalid-homeserver = “{ $input }” is not a server name or address.
error-invalid-user-id = “{ $input }” is not a valid user ID.
error-storage = The browser's storage is not available: { $detail }
error-server = The server could not do this just now. Try again; if it keeps failing, tell your IT support.
error-config = The configuration file is invalid: { $detail }
error-remote-unreachable = The other organisation's server could not be reached. Try again later: messages already sent are delivered once it is back.
error-other-account = You signed in as another person. To continue this session, sign in as { $user }.
error-login-token-refused = This sign-in has expired or was already used. Sign in again.
error-sso-not-finished = Signing in through your organisation did not finish: it was cancelled, or its sign-in page could not be reached. Try again. If that page does not open, the service may be down for a while.
error-no-sign-in-method = This server offers no way of signing in that this app supports. Ask your administrator.
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
send-retry = Retry
send-cancel = Cancel

## Composer
composer-label = Message to { $room }
composer-placeholder = Write a message…
composer-hint = Enter sends, Shift+Enter starts a new line. Markdown is supported. Type @ to mention someone, /me for an action. Up edits your last message; Escape cancels a reply or edit.
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
join-address-hint = For example #team:example.org, or a link to the room
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
settings-profile = Profile
profile-loading = Loading your profile…
profile-display-name = Display name
profile-display-name-hint = What others see beside your messages, in every room. Leave it empty to show your user ID.
profile-save-name = Save name
profile-name-saved = Display name saved. Others see it in every room you are in.
profile-avatar-hint = Your picture shows round: a square is cut from its middle.
profile-avatar-upload = Choose a picture
profile-avatar-remove = Remove picture
profile-avatar-saved = Picture changed. Others see it in every room you are in.
profile-avatar-removed = Picture removed.
settings-user-id = User ID
settings-device-id = Device
settings-homeserver = Homeserver
settings-language = Language
settings-language-hint = The page reloads in the chosen language.

## Rooms: policy, links, announcements
new-room-encryption-required = Your organisation requires end-to-end encryption, so every new room is private and encrypted.
room-copy-link = Copy link to this room
room-outside-title = You are not in this room
room-outside-explain = Join it to read and write here. A room of another organisation is found through its server.
room-outside-join = Join this room
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

## Encryption: this device, recovery, verification, devices
error-wrong-recovery-key = That recovery key is not right. Check it and try again; nothing was changed.
error-no-recovery = This account has no recovery set up, so there is nothing to restore. Verify this device with another of your devices instead.
error-no-identity = { $user } has not set up encryption yet, so they can't be verified.
error-encryption-failed = The encryption step did not work. Try again; if it keeps failing, ask your administrator.
security-open = Security
security-title = Security and devices
security-this-device = This device
security-checking = Checking…
security-device-verified = This device is verified: it can read your encrypted messages, and others can trust it.
security-device-unverified = This device is not verified yet. Until it is, you can't read messages sent before you signed in here, and other people see it as unverified. Verify it with another device where you are signed in, or with your recovery key.
security-verify-with-device = Verify with another device
security-verify-device = Verify this device
security-banner-verify = This device is not verified. You can't read your earlier encrypted messages here until you verify it.
security-banner-setup = Set up recovery, so that you never lose your encrypted messages, even when this browser's data is wiped.
security-banner-complete = Enter your recovery key to finish setting up encryption on this device.
recovery-title = Recovery
recovery-set-up = Set up recovery
recovery-enter-key = Enter recovery key
recovery-on = Recovery is on: your message keys are backed up on your server, encrypted, and your recovery key restores them on a new device.
recovery-off = Recovery is off. If you lose this browser's data, you lose your encrypted messages. Setting it up backs your keys up on your server, encrypted with a recovery key only you have.
recovery-off-unverified = Verify this device first. If you have no other device and no recovery key, you can reset your encryption.
recovery-incomplete = Recovery is set up for your account, but this device does not have all its keys yet. Enter your recovery key.
recovery-working = Working…
recovery-change-key = Change recovery key
recovery-key-intro = This is your recovery key. Keep it somewhere safe that does not depend on this computer (a password manager, or printed and locked away): it is the only way to read your encrypted messages if you lose all your devices. It is shown only once.
recovery-key-label = Recovery key
recovery-key-copy = Copy key
recovery-key-download = Save as file
recovery-key-copied = The recovery key was copied.
recovery-key-not-copied = The browser did not allow copying. Select the key and copy it, or save it as a file.
recovery-key-not-saved = The browser did not allow saving the file. Copy the key instead.
recovery-key-confirm = Type or paste your recovery key
recovery-key-confirm-hint = To make sure you saved it: paste it from where you saved it.
recovery-key-mismatch = That is not the key shown above. Check what you saved.
recovery-key-saved = I saved my key
recovery-key-field = Recovery key
recovery-key-field-hint = The key you saved when you set up recovery: twelve groups of four characters.
recovery-use-key = Verify with recovery key
recovery-checking-key = Checking the key…
recovery-restored = Done: this device is verified, and your message history is being restored.
reset-identity-open = Lost your recovery key? Reset encryption
reset-identity-warning = Resetting gives you a new identity, a new key backup and a new recovery key. Messages that only the old backup could unlock become unreadable, everyone who verified you has to verify you again, and your other devices have to be verified again.
reset-identity-confirm = Reset encryption
reset-identity-cancel = Cancel
reset-identity-started = Your old key backup is switched off already. Confirm it is you to finish the reset.
reset-identity-finish = Confirm and reset
logout-keys-at-risk = Your message keys are not backed up. If you sign out now, you will not be able to read your encrypted messages when you sign in again.
logout-anyway = Sign out anyway
devices-title = Your devices
device-current = This device
device-verified = Verified
device-unverified = Not verified
device-trust-unknown = Verification unknown
device-last-seen = Last seen { $day } at { $time }
device-rename = Rename
device-rename-named = Rename { $device }
device-name = Device name
device-save = Save name
device-sign-out = Sign out device
device-sign-out-named = Sign out device { $device }
device-sign-out-confirm = Confirm it is you to sign out the device { $device }. It loses access to your account and its encryption keys.
room-encrypted = Encrypted
room-not-encrypted = Not encrypted
member-verified = Verified
member-verify = Verify
member-verify-named = Verify { $name }
identity-changed = The identity of { $name } has changed. This happens when they reset their encryption; if you did not expect it, check with them another way.
identity-changed-verified = The verified identity of { $name } has changed. Messages may be read by someone else; verify them again or withdraw your verification.
identity-acknowledge = I understand
identity-withdraw-verification = Withdraw verification
identity-verify = Verify again
verification-title = Verification
verification-other-device = your other device
verification-waiting = Waiting for { $user } to accept the verification request…
verification-waiting-self = Open Lattice or another Matrix app where you are signed in, and accept the verification request there.
verification-incoming = { $user } wants to verify with you.
verification-incoming-self = Another of your devices wants to verify this one.
verification-accept = Accept
verification-decline = Decline
verification-cancel = Cancel verification
verification-starting = Getting the emoji ready…
verification-compare = Check that the same emoji appear in the same order on the other screen.
verification-emoji-label = Emoji to compare
verification-match = They match
verification-no-match = They don't match
verification-confirmed-waiting = Waiting for the other side to confirm…
verification-done = { $user } is verified.
verification-done-self = This device is verified. Your other device sends it the keys to your message history.
verification-close = Close
verification-cancelled-by-them = The other side cancelled the verification. Nothing was changed.
verification-cancelled-by-us = The verification was cancelled. Nothing was changed.
verification-cancelled-timeout = The verification took too long and was cancelled. Nothing was changed; you can start again.
verification-cancelled-mismatch = The emoji did not match, so nothing was verified. Someone may be intercepting: check with the other person another way.
verification-cancelled-elsewhere = The verification was answered on another of your devices.
verification-cancelled-unsupported = The other side offered only a way of verifying that Lattice does not support (QR codes). Ask them to compare emoji.
error-wrong-password = That password is not right. Nothing was changed.
time-unknown = unknown time
error-reset-cannot-confirm = Your server asks for a confirmation this app cannot give, so the reset is not finished. Your old key backup is already switched off. Use another app to finish the reset, or ask your administrator.
confirm-sso-waiting = Waiting for your organisation’s sign-in to confirm it is you: finish it in the window that opened.
device-sign-out-start = Sign it out
date-unknown = unknown date
confirm-sso-continue = I have confirmed, continue
confirm-sso-open = Confirm in a new window
confirm-sso-hint = Confirm at your organisation's sign-in, in a new window. Then come back here.
error-cannot-confirm = Your server asks for a confirmation this app cannot give. Nothing was changed. Use another app, or ask your administrator.
error-sso-confirm-not-finished = Your organisation's sign-in has not confirmed it is you yet. Finish it in the window that opened, then continue. Nothing was changed.
device-sign-out-submit = Confirm and sign out
identity-unverified-device = { $name } is signed in on a device they have not verified ({ $device }). If it is not theirs, someone else may be reading: check with them another way.
verification-failed = The verification could not go on. Nothing was changed; try again.
verification-done-other-device = Your other device is verified. This device sends it the keys to your message history.
error-backup-exists = Another app made a key backup for your account that Lattice can't take over. Enter your recovery key if you have one; otherwise reset encryption to start a new backup.
error-reset-not-finished = That password is not right, so the reset is not finished. Your old key backup is already switched off: enter your password again to finish the reset.
error-reset-not-confirmed = Your organisation's sign-in has not confirmed it is you yet, so the reset is not finished. Your old key backup is already switched off: finish confirming in the window that opened, then continue.
# Rich timeline: message actions, reactions, replies, edits, deletes, media.
actions-label = Actions for { $sender }'s message
action-reply = Reply to { $sender }
action-reply-short = Reply
action-edit = Edit your message
action-edit-short = Edit
action-delete = Delete { $sender }'s message
action-delete-short = Delete
action-copy-link = Copy a link to this message
action-copy-link-short = Link
action-source = View this message's source
action-source-short = Source
action-react-more = More reactions
action-react-more-short = React…
react-with = React with { $key }
react-with-named = React with { $key } ({ $name })
react-title = Add a reaction
react-search = Search emoji
react-results = Emoji
reaction-who = { $key } from { $names }
reply-jump = Reply to { $sender }: show the original message
read-by = Read by { $names }
edit-history-open = Edited: show earlier versions
edit-history-title = Edit history
delete-title = Delete message
delete-explain = The message is removed for everyone in the room. This cannot be undone.
delete-reason = Reason (optional)
delete-confirm = Delete
source-title = Message source
source-unavailable = The source of this message is not available.
spoiler = Spoiler: show
spoiler-reason = Spoiler ({ $reason }): show
image-open = Open the picture { $name } at full size
media-loading = Loading…
file-save = Save { $name }
file-save-short = Save
upload-progress = Upload progress
upload-cancel = Cancel upload
composer-attach = Attach files
composer-attach-short = Attach
composer-replying = Replying to { $sender }
composer-editing = Editing your message
composer-mode-cancel = Cancel
composer-save = Save
mention-list = People to mention
typing-one = { $name } is typing…
typing-two = { $first } and { $second } are typing…
typing-many = { $count ->
    [one] { $name } and one other are typing…
   *[other] { $name } and { $count } others are typing…
}
state-room-avatar = { $sender } changed the room picture
state-pins = { $sender } changed the pinned messages
state-server-acl = { $sender } changed which servers may take part
state-tombstone = { $sender } upgraded this room; the conversation continues in a new room
state-alias = { $sender } set the room's main address to { $alias }
state-alias-removed = { $sender } removed the room's main address
state-join-public = { $sender } made the room public: anyone can join
state-join-invite = { $sender } made the room invite only
state-join-knock = { $sender } let people ask to join
state-join-restricted = { $sender } let members of a space join
state-join-other = { $sender } changed who can join
state-history-world = { $sender } made the history readable by anyone
state-history-shared = { $sender } made the history visible to all members
state-history-invited = { $sender } made the history visible to members from their invitation on
state-history-joined = { $sender } made the history visible to members from when they joined
state-history-other = { $sender } changed who can read the history
state-guests-allowed = { $sender } let guests join
state-guests-forbidden = { $sender } stopped guests from joining
state-power-levels = { $sender } changed the room's permissions
state-power-levels-users = { $sender } changed power levels: { $changes }
error-message-not-found = That message is not in this room any more.
error-message-action = That did not work. Check your connection and try again.
error-unknown-command = { $command } is not a command Lattice knows, so nothing was sent. To send text starting with a slash, begin it with //.
error-file-too-large = This file is { $size }; the server accepts files up to { $max }. Nothing was uploaded.
error-file-unreadable = The browser could not read { $name }. Nothing was sent.
error-not-a-picture = { $name } is not a picture this browser can show. Nothing was changed.
error-media-unavailable = This file could not be loaded.
changes-created = { $sender } created and configured the room ({ $count } changes)
changes-by = { $sender } made { $count } changes to the room
changes-many = { $count } changes to the room
thread-label = Thread
thread-close = Close thread
thread-open = { $count ->
    [one] Open the thread (1 reply)
   *[other] Open the thread ({ $count } replies)
}
action-thread = Reply to { $sender } in a thread
action-thread-short = Thread
crash-title = Lattice stopped
crash-explain = Something went wrong and Lattice had to stop. Reload to continue: your session and the messages you sent are kept.
crash-reload = Reload
crash-report = Error report for IT (it holds no passwords and no messages)

error-session-ended-by-server = You were signed out: the server no longer accepts this session (it was signed out from another device, removed, or the account was closed). Its data on this device has been deleted. Sign in again to continue.
session-ended-title = You were signed out
session-ended-why = The server no longer accepts this session: it was signed out from another device, removed, or the account was closed.
session-ended-keys-at-risk = The keys to your encrypted messages on this device are not in a key backup. Once this device's data is deleted, encrypted messages that only this device could read cannot be read again.
session-ended-continue = Delete this device's data and sign in again
connection-lost = The server can't be reached. Messages you send wait here and go out when it's back.
connection-slowed = The server asked Lattice to wait before syncing again. It goes on by itself when the wait is over.
connection-error = Syncing with the server failed. Lattice tries again by itself.
connection-retry = Retry now

send-waiting = Waiting for the server: goes out by itself
send-retry-now = Retry now
send-failed-unverified-devices = Not sent: someone here has a device they have not verified, and this device only sends to verified ones.
send-failed-identity-changed = Not sent: someone you verified has a new identity. Check it in the member list, then retry.
send-failed-verify-this-device = Not sent: verify this device first (Security).
send-failed-file = Not sent: the file is no longer available or its type is not accepted. Send it again.
send-failed-too-large = Not sent: larger than the server accepts.
send-failed-forbidden = Not sent: you are not allowed to post in this room.
send-failed-refused = Not sent: the server refused it.

error-too-large = That is larger than the server accepts.
error-server-full = The server has reached a limit set by its administrators. Contact your IT support.

error-local-data-unreadable = The data Lattice keeps in this browser can't be read: it may be damaged. Reset it below to continue.
reset-local-data-title = Reset local data
reset-local-data-explain = If trying again does not help, this deletes everything Lattice keeps in this browser. Sign in again afterwards: your rooms and messages come back from the server, and, if you set up recovery, encrypted history comes back when you enter your recovery key. Encrypted messages that only this browser could read, and messages not sent yet, are lost.
reset-try-again = Try again
reset-local-data = Delete local data

storage-nearly-full = Storage for Lattice in this browser is nearly full ({ $used } of { $quota }). New messages and keys may fail to save. Ask IT to allow more storage for this site, or free space on this computer.
error-storage-full = This browser's storage for Lattice is full, so nothing new can be saved. Ask IT to allow more storage for this site, or free space on this computer.

session-expired-why = Your session has expired. Sign in again with your password to continue: your messages and keys on this device are kept.
session-sign-in-again = Sign in again
session-ended-delete-instead = Delete this device's data instead
