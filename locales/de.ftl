# Deutsche Übersetzung von en.ftl.

loading = Wird geladen…

## Login page
login-title = Bei { $brand } anmelden
login-homeserver = Heimserver
login-homeserver-hint = Ein Servername wie example.org oder eine vollständige URL
login-username = Benutzername
login-username-hint = Ihr Benutzername oder eine vollständige Benutzer-ID wie @alice:example.org
login-password = Passwort
login-submit = Anmelden
login-in-progress = Anmeldung läuft…

## Home page
home-signed-in-as = Angemeldet als { $user }
home-device = Gerät { $device }
sync-status = Synchronisierung: { $status }
sync-starting = startet
sync-running = aktiv
sync-offline = offline
sync-error = Fehler
sync-stopped = angehalten
logout = Abmelden
logout-in-progress = Abmeldung läuft…
logout-unreachable = Der Server ist nicht erreichbar, daher konnte diese Sitzung dort nicht beendet werden.
logout-local-only = Nur auf diesem Gerät abmelden

## Errors
error-wrong-credentials = Benutzername oder Passwort ist falsch.
error-rate-limited = Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es dann erneut.
error-unreachable = { $server } ist nicht erreichbar. Prüfen Sie die Adresse und Ihre Verbindung.
error-not-matrix = { $server } hat geantwortet, ist aber kein Matrix-Server.
error-no-sliding-sync = { $server } ist ein Matrix-Server ohne Simplified Sliding Sync (MSC4186), das Lattice benötigt. Die Serveradministration muss es aktivieren (Synapse ab Version 1.114 stellt es standardmäßig bereit).
error-invalid-homeserver = „{ $input }“ ist weder ein Servername noch eine Serveradresse.
error-invalid-user-id = „{ $input }“ ist keine gültige Benutzer-ID.
error-storage = Der Browserspeicher ist nicht verfügbar: { $detail }
error-server = Der Server hat einen Fehler gemeldet: { $detail }
error-config = Die Konfigurationsdatei ist ungültig: { $detail }
error-session-expired = Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.
error-room-not-found = Es gibt keinen Raum „{ $room }“, oder Sie sind nicht Mitglied.
error-forbidden = Dazu haben Sie hier keine Berechtigung.
error-unknown-user = Es gibt keinen Benutzer „{ $user }“.
error-invalid-room-address = „{ $input }“ ist keine Raumadresse. Raumadressen haben die Form #name:example.org.
error-invalid-alias = „{ $input }“ kann nicht als Adresse verwendet werden: Verwenden Sie Buchstaben, Ziffern und Bindestriche ohne Leerzeichen.
error-alias-taken = Die Adresse „{ $alias }“ ist bereits vergeben.
error-offline = Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut; es wurde nichts geändert.

## Shell and room list
sidebar-label = Räume und Konto
title-unread = { $count ->
    [one] ({ $count } ungelesen) { $brand }
   *[other] ({ $count } ungelesen) { $brand }
}
action-start-chat = Unterhaltung beginnen
action-new-room = Neuer Raum
action-join-room = Raum beitreten
filters-label = Anzeigen
filter-all = Alle
filter-unread = Ungelesen
filter-people = Personen
filter-rooms = Räume
rooms-search = Räume nach Namen suchen
rooms-list-label = Räume
rooms-loading = Räume werden geladen…
rooms-none = Keine Räume zum Anzeigen.
room-invited = Sie wurden eingeladen
room-unread = { $count ->
    [one] { $count } ungelesene Nachricht
   *[other] { $count } ungelesene Nachrichten
}
room-mentions = { $count ->
    [one] { $count } Erwähnung
   *[other] { $count } Erwähnungen
}
invite-accept = Annehmen
invite-decline = Ablehnen
room-none-selected = Wählen Sie einen Raum aus der Liste oder beginnen Sie eine Unterhaltung.

## Room view
room-members = { $count ->
    [one] { $count } Mitglied
   *[other] { $count } Mitglieder
}
room-invite = Einladen
room-leave = Verlassen
members-label = Mitglieder
power-creator = Ersteller
power-admin = Administrator
power-moderator = Moderator
power-level = Berechtigungsstufe { $level }
timeline-label = Nachrichten
timeline-loading = Ältere Nachrichten werden geladen…
timeline-start = Dies ist der Anfang des Raums.
timeline-read-marker = Neue Nachrichten ab hier
event-edited = (bearbeitet)
event-redacted = Nachricht gelöscht
event-utd = Diese Nachricht kann nicht entschlüsselt werden.
event-unsupported = Nicht unterstütztes Ereignis ({ $event_type })
reply-loading = Ursprüngliche Nachricht wird geladen…
reactions-label = Reaktionen
reaction-count = { $key }: { $count }
thread-replies = { $count ->
    [one] { $count } Antwort
   *[other] { $count } Antworten
}
utd-unknown = Die Schlüssel dafür sind noch nicht eingetroffen.
utd-sent-before-joined = Die Nachricht wurde vor Ihrem Beitritt gesendet.
utd-verification-violation = Die Identität des Absenders hat sich seit der Verifizierung geändert.
utd-unverified-sender = Das Gerät des Absenders ist nicht verifiziert.
utd-historical-no-backup = Die Nachricht wurde gesendet, bevor es diese Sitzung gab, und die Schlüsselsicherung ist deaktiviert.
utd-historical-unverified = Die Nachricht wurde gesendet, bevor es diese Sitzung gab; verifizieren Sie diese Sitzung, um sie zu lesen.
utd-withheld-unverified = Der Absender teilt keine Schlüssel mit nicht verifizierten Sitzungen.
utd-withheld = Der Absender hat die Schlüssel zurückgehalten.
state-joined = { $user } ist dem Raum beigetreten
state-left = { $user } hat den Raum verlassen
state-invited = { $sender } hat { $user } eingeladen
state-invite-rejected = { $user } hat die Einladung abgelehnt
state-invite-revoked = { $sender } hat die Einladung für { $user } zurückgezogen
state-kicked = { $sender } hat { $user } aus dem Raum entfernt
state-banned = { $sender } hat { $user } gesperrt
state-unbanned = { $sender } hat die Sperre für { $user } aufgehoben
state-knock = { $user } hat um Beitritt gebeten
state-membership-other = Die Mitgliedschaft von { $user } hat sich geändert
state-display-name = { $sender } heißt jetzt { $name }
state-display-name-removed = { $sender } hat den Anzeigenamen entfernt
state-avatar = { $sender } hat das Profilbild geändert
state-room-name = { $sender } hat den Raum in { $name } umbenannt
state-room-topic = { $sender } hat das Thema in „{ $topic }“ geändert
state-room-created = { $sender } hat den Raum erstellt
state-encryption = { $sender } hat die Ende-zu-Ende-Verschlüsselung aktiviert
state-other = { $sender } hat den Raum geändert ({ $event_type })
send-sending = Wird gesendet…
send-sent = Gesendet
send-failed = Nicht gesendet
send-retry = Erneut versuchen
send-cancel = Abbrechen

## Composer
composer-label = Nachricht an { $room }
composer-placeholder = Nachricht schreiben…
composer-hint = Eingabetaste sendet, Umschalt+Eingabetaste fügt einen Zeilenumbruch ein. Markdown wird unterstützt.
composer-send = Senden

## Dialogs
dialog-close = Schließen
start-chat-title = Unterhaltung beginnen
start-chat-pick = Schreiben
start-chat-with = Unterhaltung mit { $name } beginnen
invite-title = Person einladen
invite-pick = Einladen
invite-who = { $name } einladen
people-search = Name oder Benutzer-ID
people-search-hint = Durchsucht das Benutzerverzeichnis dieses Servers. Eine vollständige ID wie @alice:example.org kann direkt verwendet werden.
people-search-submit = Suchen
people-results = Gefundene Personen
people-none = Keine Personen gefunden.
new-room-title = Neuer Raum
new-room-name = Name
new-room-topic = Thema (optional)
new-room-access = Wer beitreten kann
new-room-private = Privat: nur für eingeladene Personen; Nachrichten sind Ende-zu-Ende-verschlüsselt
new-room-public = Öffentlich: für alle mit der Adresse zugänglich; nicht verschlüsselt
new-room-alias = Adresse
new-room-alias-hint = Der Teil vor dem Doppelpunkt, z. B. team für #team:example.org
new-room-create = Raum erstellen
join-title = Raum beitreten
join-address = Raumadresse oder -ID
join-address-hint = Zum Beispiel #team:example.org
join-submit = Beitreten

## Richtlinie der Administration, Speicher und ein Tab
language-name = Deutsch
login-server-locked = Sie melden sich bei { $server } an.
help-link = Hilfe und Support
error-config-field = Die Einstellungen der Administration (config.json) enthalten einen Fehler im Feld „{ $field }“: { $problem }
error-homeserver-not-allowed = Die Richtlinie Ihrer Organisation erlaubt die Anmeldung nur bei { $server }.
error-storage-unavailable = Dieser Browser verweigert das Speichern von Daten für diese Website.
config-error-title = Die App kann nicht starten
config-error-admin = Die Administration muss config.json auf dem Server korrigieren. An Ihrem Konto wurde nichts geändert.
storage-unavailable-title = Dieser Browser kann für diese Website keine Daten speichern
storage-unavailable-user = Ohne Speicher können Ihre Nachrichten und Verschlüsselungsschlüssel nicht aufbewahrt werden. Private Fenster verweigern das oft: Öffnen Sie diese Seite in einem normalen Fenster.
storage-unavailable-it = Für die IT: Erlauben Sie Websitedaten (Cookies und IndexedDB) nur für die Adresse dieser Website, zum Beispiel mit der Chrome- und Edge-Richtlinie CookiesAllowedForUrls oder der Firefox-Richtlinie Cookies. Keine andere Website muss erlaubt werden.
storage-not-persistent = Dieser Browser kann die Daten der App, auch Ihre Verschlüsselungsschlüssel, löschen, wenn der Speicherplatz knapp wird. Bitten Sie die IT, dauerhaften Speicher für diese Website zu erlauben.
tab-elsewhere-title = { $brand } ist in einem anderen Tab geöffnet
tab-elsewhere-body = Die App läuft immer nur in einem Tab, damit nichts doppelt gesendet wird und Ihre Verschlüsselungsschlüssel intakt bleiben.
tab-stopped-title = { $brand } ist jetzt in einem anderen Tab geöffnet
tab-stopped-body = Dieser Tab wurde angehalten. Es ging nichts verloren.
tab-free-title = Der andere Tab wurde geschlossen
tab-free-body = Sie können hier weitermachen.
tab-use-here = Hier verwenden

## Einstellungen
settings-open = Einstellungen
settings-title = Einstellungen
settings-account = Konto
settings-user-id = Benutzer-ID
settings-device-id = Gerät
settings-homeserver = Heimserver
settings-language = Sprache
settings-language-hint = Die Seite wird in der gewählten Sprache neu geladen.

## Räume: Richtlinie, Links, Ansagen
new-room-encryption-required = Ihre Organisation verlangt Ende-zu-Ende-Verschlüsselung, daher ist jeder neue Raum privat und verschlüsselt.
room-copy-link = Link zu diesem Raum kopieren
room-link-copied = Link kopiert: { $link }
room-link-not-copied = Der Browser hat das Kopieren nicht erlaubt. Der Link lautet { $link }
live-message = { $sender }: { $body }
live-messages-from = { $count ->
    [one] Eine neue Nachricht von { $sender }
   *[other] { $count } neue Nachrichten von { $sender }
}
live-messages = { $count ->
    [one] Eine neue Nachricht
   *[other] { $count } neue Nachrichten
}
