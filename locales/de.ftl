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
login-sso-with = Mit { $provider } anmelden
login-sso = Mit Single Sign-On anmelden
login-sso-going = Die Anmeldeseite Ihrer Organisation wird geöffnet…
login-sso-finishing = Anmeldung wird abgeschlossen…
login-or = oder

## Home page
home-signed-in-as = Angemeldet als { $user }
home-device = Gerät { $device }
sync-status = Synchronisierung: { $status }
sync-starting = startet
sync-running = aktiv
sync-offline = offline
sync-slowed = wartet auf Wunsch des Servers
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
error-insecure-homeserver = { $server } wird nicht über https bereitgestellt; Ihr Passwort und Ihre Nachrichten würden ungeschützt übertragen. Verwenden Sie die https://-Adresse.
error-invalid-homeserver = „{ $input }“ ist weder ein Servername noch eine Serveradresse.
error-invalid-user-id = „{ $input }“ ist keine gültige Benutzer-ID.
error-storage = Der Browserspeicher ist nicht verfügbar: { $detail }
error-server = Der Server konnte das gerade nicht ausführen. Versuchen Sie es erneut; wenn es weiter fehlschlägt, wenden Sie sich an Ihren IT-Support.
error-config = Die Konfigurationsdatei ist ungültig: { $detail }
error-remote-unreachable = Der Server der anderen Organisation ist nicht erreichbar. Versuchen Sie es später erneut: Bereits gesendete Nachrichten werden zugestellt, sobald er wieder erreichbar ist.
error-other-account = Sie haben sich als eine andere Person angemeldet. Um diese Sitzung fortzusetzen, melden Sie sich als { $user } an.
error-login-token-refused = Diese Anmeldung ist abgelaufen oder wurde bereits verwendet. Bitte melden Sie sich erneut an.
error-sso-not-finished = Die Anmeldung über Ihre Organisation wurde nicht abgeschlossen: Sie wurde abgebrochen, oder die Anmeldeseite war nicht erreichbar. Versuchen Sie es erneut. Öffnet sich die Seite nicht, ist der Dienst vielleicht vorübergehend nicht verfügbar.
error-no-sign-in-method = Dieser Server bietet keine Anmeldeart an, die diese App unterstützt. Wenden Sie sich an Ihre Administration.
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
send-retry = Erneut versuchen
send-cancel = Abbrechen

## Composer
composer-label = Nachricht an { $room }
composer-placeholder = Nachricht schreiben…
composer-hint = Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile. Markdown wird unterstützt. Mit @ erwähnen Sie jemanden, mit /me beschreiben Sie eine Handlung. Pfeil nach oben bearbeitet Ihre letzte Nachricht; Escape bricht eine Antwort oder Bearbeitung ab.
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
join-address-hint = Zum Beispiel #team:example.org oder ein Link zum Raum
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
settings-profile = Profil
profile-loading = Ihr Profil wird geladen…
profile-display-name = Anzeigename
profile-display-name-hint = Was andere neben Ihren Nachrichten sehen, in jedem Raum. Leer lassen, um Ihre Benutzer-ID zu zeigen.
profile-save-name = Namen speichern
profile-name-saved = Anzeigename gespeichert. Andere sehen ihn in allen Ihren Räumen.
profile-avatar-hint = Ihr Bild wird rund gezeigt: aus seiner Mitte wird ein Quadrat ausgeschnitten.
profile-avatar-upload = Bild auswählen
profile-avatar-remove = Bild entfernen
profile-avatar-saved = Bild geändert. Andere sehen es in allen Ihren Räumen.
profile-avatar-removed = Bild entfernt.
settings-user-id = Benutzer-ID
settings-device-id = Gerät
settings-homeserver = Heimserver
settings-language = Sprache
settings-language-hint = Die Seite wird in der gewählten Sprache neu geladen.

## Räume: Richtlinie, Links, Ansagen
new-room-encryption-required = Ihre Organisation verlangt Ende-zu-Ende-Verschlüsselung, daher ist jeder neue Raum privat und verschlüsselt.
room-copy-link = Link zu diesem Raum kopieren
room-outside-title = Sie sind nicht in diesem Raum
room-outside-explain = Treten Sie bei, um hier zu lesen und zu schreiben. Ein Raum einer anderen Organisation wird über deren Server gefunden.
room-outside-join = Diesem Raum beitreten
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

## Verschlüsselung: dieses Gerät, Wiederherstellung, Verifizierung, Geräte
error-wrong-recovery-key = Dieser Wiederherstellungsschlüssel stimmt nicht. Prüfen Sie ihn und versuchen Sie es erneut; es wurde nichts geändert.
error-no-recovery = Für dieses Konto ist keine Wiederherstellung eingerichtet, es gibt also nichts wiederherzustellen. Verifizieren Sie dieses Gerät stattdessen mit einem anderen Ihrer Geräte.
error-no-identity = { $user } hat die Verschlüsselung noch nicht eingerichtet und kann daher nicht verifiziert werden.
error-encryption-failed = Der Verschlüsselungsschritt hat nicht funktioniert. Versuchen Sie es erneut; wenn es weiter fehlschlägt, wenden Sie sich an Ihre Administration.
security-open = Sicherheit
security-title = Sicherheit und Geräte
security-this-device = Dieses Gerät
security-checking = Wird geprüft …
security-device-verified = Dieses Gerät ist verifiziert: Es kann Ihre verschlüsselten Nachrichten lesen, und andere können ihm vertrauen.
security-device-unverified = Dieses Gerät ist noch nicht verifiziert. Bis dahin können Sie Nachrichten, die vor Ihrer Anmeldung hier gesendet wurden, nicht lesen, und andere sehen es als nicht verifiziert. Verifizieren Sie es mit einem anderen Gerät, auf dem Sie angemeldet sind, oder mit Ihrem Wiederherstellungsschlüssel.
security-verify-with-device = Mit einem anderen Gerät verifizieren
security-verify-device = Dieses Gerät verifizieren
security-banner-verify = Dieses Gerät ist nicht verifiziert. Ihre früheren verschlüsselten Nachrichten können Sie hier erst lesen, wenn Sie es verifiziert haben.
security-banner-setup = Richten Sie die Wiederherstellung ein, damit Sie Ihre verschlüsselten Nachrichten nie verlieren, auch wenn die Daten dieses Browsers gelöscht werden.
security-banner-complete = Geben Sie Ihren Wiederherstellungsschlüssel ein, um die Verschlüsselung auf diesem Gerät fertig einzurichten.
recovery-title = Wiederherstellung
recovery-set-up = Wiederherstellung einrichten
recovery-enter-key = Wiederherstellungsschlüssel eingeben
recovery-on = Die Wiederherstellung ist aktiv: Die Schlüssel Ihrer Nachrichten sind verschlüsselt auf Ihrem Server gesichert, und Ihr Wiederherstellungsschlüssel stellt sie auf einem neuen Gerät wieder her.
recovery-off = Die Wiederherstellung ist aus. Wenn die Daten dieses Browsers verloren gehen, verlieren Sie Ihre verschlüsselten Nachrichten. Beim Einrichten werden Ihre Schlüssel auf Ihrem Server gesichert, verschlüsselt mit einem Wiederherstellungsschlüssel, den nur Sie haben.
recovery-off-unverified = Verifizieren Sie zuerst dieses Gerät. Wenn Sie weder ein anderes Gerät noch einen Wiederherstellungsschlüssel haben, können Sie Ihre Verschlüsselung zurücksetzen.
recovery-incomplete = Für Ihr Konto ist die Wiederherstellung eingerichtet, aber diesem Gerät fehlen noch Schlüssel. Geben Sie Ihren Wiederherstellungsschlüssel ein.
recovery-working = In Arbeit …
recovery-change-key = Wiederherstellungsschlüssel ändern
recovery-key-intro = Das ist Ihr Wiederherstellungsschlüssel. Bewahren Sie ihn sicher und unabhängig von diesem Computer auf (in einem Passwortmanager oder ausgedruckt und verschlossen): Nur mit ihm können Sie Ihre verschlüsselten Nachrichten lesen, wenn Sie alle Geräte verlieren. Er wird nur einmal angezeigt.
recovery-key-label = Wiederherstellungsschlüssel
recovery-key-copy = Schlüssel kopieren
recovery-key-download = Als Datei speichern
recovery-key-copied = Der Wiederherstellungsschlüssel wurde kopiert.
recovery-key-not-copied = Der Browser hat das Kopieren nicht erlaubt. Markieren und kopieren Sie den Schlüssel oder speichern Sie ihn als Datei.
recovery-key-not-saved = Der Browser hat das Speichern der Datei nicht erlaubt. Kopieren Sie stattdessen den Schlüssel.
recovery-key-confirm = Wiederherstellungsschlüssel eingeben oder einfügen
recovery-key-confirm-hint = Damit sicher ist, dass Sie ihn gespeichert haben: Fügen Sie ihn von dort ein, wo Sie ihn gespeichert haben.
recovery-key-mismatch = Das ist nicht der oben angezeigte Schlüssel. Prüfen Sie, was Sie gespeichert haben.
recovery-key-saved = Ich habe meinen Schlüssel gespeichert
recovery-key-field = Wiederherstellungsschlüssel
recovery-key-field-hint = Der Schlüssel, den Sie beim Einrichten der Wiederherstellung gespeichert haben: zwölf Gruppen zu je vier Zeichen.
recovery-use-key = Mit Wiederherstellungsschlüssel verifizieren
recovery-checking-key = Schlüssel wird geprüft …
recovery-restored = Fertig: Dieses Gerät ist verifiziert, und Ihr Nachrichtenverlauf wird wiederhergestellt.
reset-identity-open = Wiederherstellungsschlüssel verloren? Verschlüsselung zurücksetzen
reset-identity-warning = Beim Zurücksetzen erhalten Sie eine neue Identität, eine neue Schlüsselsicherung und einen neuen Wiederherstellungsschlüssel. Nachrichten, die nur die alte Sicherung entschlüsseln konnte, werden unlesbar, alle, die Sie verifiziert haben, müssen Sie erneut verifizieren, und Ihre anderen Geräte müssen erneut verifiziert werden.
reset-identity-confirm = Verschlüsselung zurücksetzen
reset-identity-cancel = Abbrechen
reset-identity-started = Ihre alte Schlüsselsicherung ist bereits ausgeschaltet. Bestätigen Sie, dass Sie es sind, um das Zurücksetzen abzuschließen.
reset-identity-finish = Bestätigen und zurücksetzen
logout-keys-at-risk = Die Schlüssel Ihrer Nachrichten sind nicht gesichert. Wenn Sie sich jetzt abmelden, können Sie Ihre verschlüsselten Nachrichten bei der nächsten Anmeldung nicht mehr lesen.
logout-anyway = Trotzdem abmelden
devices-title = Ihre Geräte
device-current = Dieses Gerät
device-verified = Verifiziert
device-unverified = Nicht verifiziert
device-trust-unknown = Verifizierung unbekannt
device-last-seen = Zuletzt gesehen am { $day } um { $time }
device-rename = Umbenennen
device-rename-named = { $device } umbenennen
device-name = Gerätename
device-save = Namen speichern
device-sign-out = Gerät abmelden
device-sign-out-named = Gerät { $device } abmelden
device-sign-out-confirm = Bestätigen Sie, dass Sie es sind, um das Gerät { $device } abzumelden. Es verliert den Zugang zu Ihrem Konto und seine Verschlüsselungsschlüssel.
room-encrypted = Verschlüsselt
room-not-encrypted = Nicht verschlüsselt
member-verified = Verifiziert
member-verify = Verifizieren
member-verify-named = { $name } verifizieren
identity-changed = Die Identität von { $name } hat sich geändert. Das passiert, wenn die Person ihre Verschlüsselung zurücksetzt; wenn Sie das nicht erwartet haben, fragen Sie auf anderem Weg nach.
identity-changed-verified = Die verifizierte Identität von { $name } hat sich geändert. Jemand anderes könnte mitlesen; verifizieren Sie die Person erneut oder ziehen Sie Ihre Verifizierung zurück.
identity-acknowledge = Verstanden
identity-withdraw-verification = Verifizierung zurückziehen
identity-verify = Erneut verifizieren
verification-title = Verifizierung
verification-other-device = Ihr anderes Gerät
verification-waiting = Warten, bis { $user } die Verifizierungsanfrage annimmt …
verification-waiting-self = Öffnen Sie Lattice oder eine andere Matrix-App, in der Sie angemeldet sind, und nehmen Sie dort die Verifizierungsanfrage an.
verification-incoming = { $user } möchte sich mit Ihnen verifizieren.
verification-incoming-self = Ein anderes Ihrer Geräte möchte dieses verifizieren.
verification-accept = Annehmen
verification-decline = Ablehnen
verification-cancel = Verifizierung abbrechen
verification-starting = Emojis werden vorbereitet …
verification-compare = Prüfen Sie, ob auf dem anderen Bildschirm dieselben Emojis in derselben Reihenfolge erscheinen.
verification-emoji-label = Zu vergleichende Emojis
verification-match = Sie stimmen überein
verification-no-match = Sie stimmen nicht überein
verification-confirmed-waiting = Warten auf die Bestätigung der anderen Seite …
verification-done = { $user } ist verifiziert.
verification-done-self = Dieses Gerät ist verifiziert. Ihr anderes Gerät sendet ihm die Schlüssel zu Ihrem Nachrichtenverlauf.
verification-close = Schließen
verification-cancelled-by-them = Die andere Seite hat die Verifizierung abgebrochen. Es wurde nichts geändert.
verification-cancelled-by-us = Die Verifizierung wurde abgebrochen. Es wurde nichts geändert.
verification-cancelled-timeout = Die Verifizierung hat zu lange gedauert und wurde abgebrochen. Es wurde nichts geändert; Sie können neu beginnen.
verification-cancelled-mismatch = Die Emojis stimmten nicht überein, daher wurde nichts verifiziert. Möglicherweise hört jemand mit: Fragen Sie die Person auf anderem Weg.
verification-cancelled-elsewhere = Die Verifizierung wurde auf einem anderen Ihrer Geräte beantwortet.
verification-cancelled-unsupported = Die andere Seite bietet nur eine Verifizierungsart an, die Lattice nicht unterstützt (QR-Codes). Bitten Sie sie, Emojis zu vergleichen.
error-wrong-password = Dieses Passwort stimmt nicht. Es wurde nichts geändert.
time-unknown = unbekannte Uhrzeit
error-reset-cannot-confirm = Ihr Server verlangt eine Bestätigung, die diese App nicht geben kann, daher ist das Zurücksetzen nicht abgeschlossen. Ihre alte Schlüsselsicherung ist bereits ausgeschaltet. Schließen Sie das Zurücksetzen mit einer anderen App ab oder wenden Sie sich an Ihre Administration.
confirm-sso-waiting = Warten, bis die Anmeldung Ihrer Organisation bestätigt, dass Sie es sind: Schließen Sie sie im geöffneten Fenster ab.
device-sign-out-start = Abmelden
date-unknown = unbekanntes Datum
confirm-sso-continue = Bestätigt, weiter
confirm-sso-open = In einem neuen Fenster bestätigen
confirm-sso-hint = Bestätigen Sie bei der Anmeldung Ihrer Organisation in einem neuen Fenster. Kommen Sie dann hierher zurück.
error-cannot-confirm = Ihr Server verlangt eine Bestätigung, die diese App nicht geben kann. Es wurde nichts geändert. Verwenden Sie eine andere App oder wenden Sie sich an Ihre Administration.
error-sso-confirm-not-finished = Die Anmeldung Ihrer Organisation hat noch nicht bestätigt, dass Sie es sind. Schließen Sie sie im geöffneten Fenster ab und fahren Sie dann fort. Es wurde nichts geändert.
device-sign-out-submit = Bestätigen und abmelden
identity-unverified-device = { $name } ist auf einem Gerät angemeldet, das nicht verifiziert wurde ({ $device }). Wenn es nicht das eigene ist, könnte jemand anderes mitlesen: Fragen Sie auf anderem Weg nach.
verification-failed = Die Verifizierung konnte nicht fortgesetzt werden. Es wurde nichts geändert; versuchen Sie es erneut.
verification-done-other-device = Ihr anderes Gerät ist verifiziert. Dieses Gerät sendet ihm die Schlüssel zu Ihrem Nachrichtenverlauf.
error-backup-exists = Eine andere App hat für Ihr Konto eine Schlüsselsicherung angelegt, die Lattice nicht übernehmen kann. Geben Sie Ihren Wiederherstellungsschlüssel ein, falls Sie einen haben; andernfalls setzen Sie die Verschlüsselung zurück, um eine neue Sicherung anzulegen.
error-reset-not-finished = Dieses Passwort stimmt nicht, daher ist das Zurücksetzen nicht abgeschlossen. Ihre alte Schlüsselsicherung ist bereits ausgeschaltet: Geben Sie Ihr Passwort erneut ein, um das Zurücksetzen abzuschließen.
error-reset-not-confirmed = Die Anmeldung Ihrer Organisation hat noch nicht bestätigt, dass Sie es sind, daher ist das Zurücksetzen nicht abgeschlossen. Ihre alte Schlüsselsicherung ist bereits ausgeschaltet: Bestätigen Sie im geöffneten Fenster und fahren Sie dann fort.
# Erweiterter Verlauf: Nachrichtenaktionen, Reaktionen, Antworten, Bearbeitungen, Löschungen, Medien.
actions-label = Aktionen für die Nachricht von { $sender }
action-reply = { $sender } antworten
action-reply-short = Antworten
action-edit = Ihre Nachricht bearbeiten
action-edit-short = Bearbeiten
action-delete = Nachricht von { $sender } löschen
action-delete-short = Löschen
action-copy-link = Link zu dieser Nachricht kopieren
action-copy-link-short = Link
action-source = Quelltext dieser Nachricht anzeigen
action-source-short = Quelltext
action-react-more = Weitere Reaktionen
action-react-more-short = Reagieren…
react-with = Mit { $key } reagieren
react-with-named = Mit { $key } reagieren ({ $name })
react-title = Reaktion hinzufügen
react-search = Emoji suchen
react-results = Emoji
reaction-who = { $key } von { $names }
reply-jump = Antwort an { $sender }: ursprüngliche Nachricht zeigen
read-by = Gelesen von { $names }
edit-history-open = Bearbeitet: frühere Fassungen zeigen
edit-history-title = Bearbeitungsverlauf
delete-title = Nachricht löschen
delete-explain = Die Nachricht wird für alle im Raum entfernt. Das lässt sich nicht rückgängig machen.
delete-reason = Grund (optional)
delete-confirm = Löschen
source-title = Quelltext der Nachricht
source-unavailable = Der Quelltext dieser Nachricht ist nicht verfügbar.
spoiler = Spoiler: anzeigen
spoiler-reason = Spoiler ({ $reason }): anzeigen
image-open = Bild { $name } in voller Größe öffnen
media-loading = Wird geladen…
file-save = { $name } speichern
file-save-short = Speichern
upload-progress = Fortschritt des Hochladens
upload-cancel = Hochladen abbrechen
composer-attach = Dateien anhängen
composer-attach-short = Anhängen
composer-replying = Antwort an { $sender }
composer-editing = Ihre Nachricht wird bearbeitet
composer-mode-cancel = Abbrechen
composer-save = Speichern
mention-list = Personen zum Erwähnen
typing-one = { $name } schreibt…
typing-two = { $first } und { $second } schreiben…
typing-many = { $count ->
    [one] { $name } und eine weitere Person schreiben…
   *[other] { $name } und { $count } weitere schreiben…
}
state-room-avatar = { $sender } hat das Raumbild geändert
state-pins = { $sender } hat die angehefteten Nachrichten geändert
state-server-acl = { $sender } hat geändert, welche Server teilnehmen dürfen
state-tombstone = { $sender } hat diesen Raum aktualisiert; das Gespräch geht in einem neuen Raum weiter
state-alias = { $sender } hat die Hauptadresse des Raums auf { $alias } gesetzt
state-alias-removed = { $sender } hat die Hauptadresse des Raums entfernt
state-join-public = { $sender } hat den Raum öffentlich gemacht: alle können beitreten
state-join-invite = { $sender } hat den Raum auf Einladungen beschränkt
state-join-knock = { $sender } erlaubt Beitrittsanfragen
state-join-restricted = { $sender } erlaubt Mitgliedern eines Bereichs den Beitritt
state-join-other = { $sender } hat geändert, wer beitreten kann
state-history-world = { $sender } hat den Verlauf für alle lesbar gemacht
state-history-shared = { $sender } hat den Verlauf für alle Mitglieder sichtbar gemacht
state-history-invited = { $sender } hat den Verlauf für Mitglieder ab ihrer Einladung sichtbar gemacht
state-history-joined = { $sender } hat den Verlauf für Mitglieder ab ihrem Beitritt sichtbar gemacht
state-history-other = { $sender } hat geändert, wer den Verlauf lesen kann
state-guests-allowed = { $sender } hat Gäste zugelassen
state-guests-forbidden = { $sender } hat Gäste ausgeschlossen
state-power-levels = { $sender } hat die Berechtigungen im Raum geändert
state-power-levels-users = { $sender } hat Berechtigungsstufen geändert: { $changes }
error-message-not-found = Diese Nachricht ist nicht mehr in diesem Raum.
error-message-action = Das hat nicht geklappt. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
error-unknown-command = { $command } ist kein Befehl, den Lattice kennt; es wurde nichts gesendet. Um Text mit einem Schrägstrich zu beginnen, schreiben Sie // an den Anfang.
error-file-too-large = Diese Datei ist { $size } groß; der Server nimmt höchstens { $max } an. Es wurde nichts hochgeladen.
error-file-unreadable = Der Browser konnte { $name } nicht lesen. Es wurde nichts gesendet.
error-not-a-picture = { $name } ist kein Bild, das dieser Browser zeigen kann. Es wurde nichts geändert.
error-media-unavailable = Diese Datei konnte nicht geladen werden.
changes-created = { $sender } hat den Raum erstellt und eingerichtet ({ $count } Änderungen)
changes-by = { $sender } hat { $count } Änderungen am Raum vorgenommen
changes-many = { $count } Änderungen am Raum
thread-label = Thread
thread-close = Thread schließen
thread-open = { $count ->
    [one] Thread öffnen (1 Antwort)
   *[other] Thread öffnen ({ $count } Antworten)
}
action-thread = { $sender } in einem Thread antworten
action-thread-short = Thread
crash-title = Lattice wurde angehalten
crash-explain = Ein Fehler hat Lattice angehalten. Laden Sie die Seite neu, um weiterzumachen: Ihre Sitzung und gesendete Nachrichten bleiben erhalten.
crash-reload = Neu laden
crash-report = Fehlerbericht für die IT (ohne Passwörter und ohne Nachrichten)

error-session-ended-by-server = Sie wurden abgemeldet: Der Server akzeptiert diese Sitzung nicht mehr (sie wurde auf einem anderen Gerät abgemeldet, entfernt, oder das Konto wurde geschlossen). Ihre Daten auf diesem Gerät wurden gelöscht. Melden Sie sich erneut an, um fortzufahren.
session-ended-title = Sie wurden abgemeldet
session-ended-why = Der Server akzeptiert diese Sitzung nicht mehr: Sie wurde auf einem anderen Gerät abgemeldet, entfernt, oder das Konto wurde geschlossen.
session-ended-keys-at-risk = Die Schlüssel Ihrer verschlüsselten Nachrichten auf diesem Gerät sind in keiner Schlüsselsicherung. Sobald die Daten dieses Geräts gelöscht sind, können verschlüsselte Nachrichten, die nur dieses Gerät lesen konnte, nicht mehr gelesen werden.
session-ended-continue = Daten dieses Geräts löschen und erneut anmelden
connection-lost = Der Server ist nicht erreichbar. Ihre Nachrichten warten hier und werden gesendet, sobald er wieder da ist.
connection-slowed = Der Server hat Lattice gebeten, vor der nächsten Synchronisierung zu warten. Danach geht es von selbst weiter.
connection-error = Die Synchronisierung mit dem Server ist fehlgeschlagen. Lattice versucht es selbst erneut.
connection-retry = Jetzt erneut versuchen

send-waiting = Wartet auf den Server: wird von selbst gesendet
send-retry-now = Jetzt erneut versuchen
send-failed-unverified-devices = Nicht gesendet: Jemand hier hat ein Gerät, das er nicht verifiziert hat, und dieses Gerät sendet nur an verifizierte Geräte.
send-failed-identity-changed = Nicht gesendet: Jemand, den Sie verifiziert haben, hat eine neue Identität. Prüfen Sie sie in der Mitgliederliste und versuchen Sie es erneut.
send-failed-verify-this-device = Nicht gesendet: Verifizieren Sie zuerst dieses Gerät (Sicherheit).
send-failed-file = Nicht gesendet: Die Datei ist nicht mehr verfügbar oder ihr Typ wird nicht akzeptiert. Senden Sie sie erneut.
send-failed-too-large = Nicht gesendet: größer, als der Server annimmt.
send-failed-forbidden = Nicht gesendet: Sie dürfen in diesem Raum nicht schreiben.
send-failed-refused = Nicht gesendet: Der Server hat sie abgelehnt.

error-too-large = Das ist größer, als der Server annimmt.
error-server-full = Der Server hat eine von seinen Administratoren gesetzte Grenze erreicht. Wenden Sie sich an Ihren IT-Support.

error-local-data-unreadable = Die Daten, die Lattice in diesem Browser speichert, können nicht gelesen werden: Sie sind vielleicht beschädigt. Setzen Sie sie unten zurück, um fortzufahren.
reset-local-data-title = Lokale Daten zurücksetzen
reset-local-data-explain = Wenn erneutes Versuchen nicht hilft, wird damit alles gelöscht, was Lattice in diesem Browser speichert. Melden Sie sich danach erneut an: Ihre Räume und Nachrichten kommen vom Server zurück, und wenn Sie die Wiederherstellung eingerichtet haben, kommt der verschlüsselte Verlauf zurück, sobald Sie Ihren Wiederherstellungsschlüssel eingeben. Verschlüsselte Nachrichten, die nur dieser Browser lesen konnte, und noch nicht gesendete Nachrichten gehen verloren.
reset-try-again = Erneut versuchen
reset-local-data = Lokale Daten löschen

storage-nearly-full = Der Speicher für Lattice in diesem Browser ist fast voll ({ $used } von { $quota }). Neue Nachrichten und Schlüssel können womöglich nicht gespeichert werden. Bitten Sie die IT, mehr Speicher für diese Website zu erlauben, oder schaffen Sie Platz auf diesem Computer.
error-storage-full = Der Speicher für Lattice in diesem Browser ist voll, daher kann nichts Neues gespeichert werden. Bitten Sie die IT, mehr Speicher für diese Website zu erlauben, oder schaffen Sie Platz auf diesem Computer.

session-expired-why = Ihre Sitzung ist abgelaufen. Melden Sie sich mit Ihrem Passwort erneut an, um fortzufahren: Ihre Nachrichten und Schlüssel auf diesem Gerät bleiben erhalten.
session-sign-in-again = Erneut anmelden
session-ended-delete-instead = Stattdessen die Daten dieses Geräts löschen
