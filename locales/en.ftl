app-name = Lattice
loading = Loading…

## Login page
login-title = Sign in
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
home-sync-label = Sync
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
