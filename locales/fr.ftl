# Traduction française de en.ftl.

loading = Chargement…

## Login page
login-title = Connexion à { $brand }
login-homeserver = Serveur d’accueil
login-homeserver-hint = Un nom de serveur comme example.org, ou une URL complète
login-username = Nom d’utilisateur
login-username-hint = Votre nom d’utilisateur, ou un identifiant complet comme @alice:example.org
login-password = Mot de passe
login-submit = Se connecter
login-in-progress = Connexion en cours…
login-sso-with = Se connecter avec { $provider }
login-sso = Se connecter par authentification unique
login-sso-going = Ouverture de la page de connexion de votre organisation…
login-sso-finishing = Connexion en cours de finalisation…
login-or = ou

## Home page
home-signed-in-as = Connecté en tant que { $user }
home-device = Appareil { $device }
sync-status = Synchronisation : { $status }
sync-starting = démarrage
sync-running = active
sync-offline = hors ligne
sync-slowed = en attente à la demande du serveur
sync-error = erreur
sync-stopped = arrêtée
logout = Se déconnecter
logout-in-progress = Déconnexion en cours…
logout-unreachable = Le serveur est injoignable ; cette session n’a donc pas pu y être fermée.
logout-local-only = Se déconnecter sur cet appareil uniquement

## Errors
error-wrong-credentials = Nom d’utilisateur ou mot de passe incorrect.
error-rate-limited = Trop de tentatives. Patientez un instant, puis réessayez.
error-unreachable = Impossible de joindre { $server }. Vérifiez l’adresse et votre connexion.
error-not-matrix = { $server } a répondu, mais ce n’est pas un serveur Matrix.
error-no-sliding-sync = { $server } est un serveur Matrix sans la synchronisation glissante simplifiée (simplified sliding sync, MSC4186), dont Lattice a besoin. L’administrateur du serveur doit l’activer (Synapse 1.114 ou plus récent la fournit par défaut).
error-insecure-homeserver = { $server } n’est pas servi en https : votre mot de passe et vos messages traverseraient le réseau sans protection. Utilisez son adresse https://.
error-invalid-homeserver = « { $input } » n’est ni un nom ni une adresse de serveur.
error-invalid-user-id = « { $input } » n’est pas un identifiant utilisateur valide.
error-storage = Le stockage du navigateur n’est pas disponible : { $detail }
error-server = Le serveur n'a pas pu le faire pour l'instant. Réessayez ; si cela persiste, prévenez votre support informatique.
error-config = Le fichier de configuration n’est pas valide : { $detail }
error-remote-unreachable = Le serveur de l'autre organisation est injoignable. Réessayez plus tard : les messages déjà envoyés seront remis dès son retour.
error-other-account = Vous vous êtes connecté sous l'identité d'une autre personne. Pour poursuivre cette session, connectez-vous en tant que { $user }.
error-login-token-refused = Cette connexion a expiré ou a déjà été utilisée. Reconnectez-vous.
error-sso-not-finished = La connexion par votre organisation n'a pas abouti : elle a été annulée, ou sa page de connexion était injoignable. Réessayez. Si cette page ne s'ouvre pas, le service est peut-être indisponible pour un moment.
error-no-sign-in-method = Ce serveur ne propose aucun mode de connexion pris en charge par cette application. Adressez-vous à votre administrateur.
error-session-expired = Votre session a expiré. Reconnectez-vous.
error-room-not-found = Le salon « { $room } » n’existe pas, ou vous n’en êtes pas membre.
error-forbidden = Vous n’avez pas l’autorisation de faire cela ici.
error-unknown-user = L’utilisateur « { $user } » n’existe pas.
error-invalid-room-address = « { $input } » n’est pas une adresse de salon. Une adresse de salon a la forme #nom:example.org.
error-invalid-alias = « { $input } » ne peut pas servir d’adresse : utilisez des lettres, des chiffres et des tirets, sans espaces.
error-alias-taken = L’adresse « { $alias } » est déjà utilisée.
error-offline = Impossible de joindre le serveur. Vérifiez votre connexion et réessayez ; rien n’a été modifié.

## Shell and room list
sidebar-label = Salons et compte
title-unread = { $count ->
    [one] ({ $count } non lu) { $brand }
   *[other] ({ $count } non lus) { $brand }
}
action-start-chat = Démarrer une discussion
action-new-room = Nouveau salon
action-join-room = Rejoindre un salon
filters-label = Afficher
filter-all = Tous
filter-unread = Non lus
filter-people = Personnes
filter-rooms = Salons
rooms-search = Rechercher un salon par nom
rooms-list-label = Salons
rooms-loading = Chargement des salons…
rooms-none = Aucun salon à afficher.
room-invited = Vous avez reçu une invitation
room-unread = { $count ->
    [one] { $count } message non lu
   *[other] { $count } messages non lus
}
room-mentions = { $count ->
    [one] { $count } mention
   *[other] { $count } mentions
}
invite-accept = Accepter
invite-decline = Refuser
room-none-selected = Choisissez un salon dans la liste, ou démarrez une discussion.

## Room view
room-members = { $count ->
    [one] { $count } membre
   *[other] { $count } membres
}
room-invite = Inviter
room-leave = Quitter
members-label = Membres
power-creator = Créateur
power-admin = Administrateur
power-moderator = Modérateur
power-level = Niveau d’autorisation { $level }
timeline-label = Messages
timeline-loading = Chargement des messages précédents…
timeline-start = Ceci est le début du salon.
timeline-read-marker = Nouveaux messages ci-dessous
event-edited = (modifié)
event-redacted = Message supprimé
event-utd = Impossible de déchiffrer ce message.
event-unsupported = Événement non pris en charge ({ $event_type })
reply-loading = Chargement du message d’origine…
reactions-label = Réactions
thread-replies = { $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
}
utd-unknown = Les clés nécessaires ne sont pas encore arrivées.
utd-sent-before-joined = Il a été envoyé avant votre arrivée dans le salon.
utd-verification-violation = L’identité de l’expéditeur a changé depuis sa vérification.
utd-unverified-sender = L’appareil de l’expéditeur n’est pas vérifié.
utd-historical-no-backup = Il a été envoyé avant la création de cette session, et la sauvegarde des clés est désactivée.
utd-historical-unverified = Il a été envoyé avant la création de cette session ; vérifiez cette session pour le lire.
utd-withheld-unverified = L’expéditeur ne partage pas ses clés avec les sessions non vérifiées.
utd-withheld = L’expéditeur a refusé de partager les clés.
state-joined = { $user } a rejoint le salon
state-left = { $user } a quitté le salon
state-invited = { $sender } a invité { $user }
state-invite-rejected = { $user } a refusé l’invitation
state-invite-revoked = { $sender } a retiré l’invitation de { $user }
state-kicked = { $sender } a retiré { $user } du salon
state-banned = { $sender } a banni { $user }
state-unbanned = { $sender } a levé le bannissement de { $user }
state-knock = { $user } a demandé à rejoindre le salon
state-membership-other = Le statut de membre de { $user } a changé
state-display-name = { $sender } s’appelle désormais { $name }
state-display-name-removed = { $sender } a supprimé son nom d’affichage
state-avatar = { $sender } a changé son avatar
state-room-name = { $sender } a renommé le salon en { $name }
state-room-topic = { $sender } a défini le sujet : « { $topic } »
state-room-created = { $sender } a créé le salon
state-encryption = { $sender } a activé le chiffrement de bout en bout
state-other = { $sender } a modifié le salon ({ $event_type })
send-sending = Envoi…
send-sent = Envoyé
send-retry = Réessayer
send-cancel = Annuler

## Composer
composer-label = Message dans { $room }
composer-placeholder = Écrivez un message…
composer-hint = Entrée envoie, Maj+Entrée passe à la ligne. Le Markdown est pris en charge. Tapez @ pour mentionner quelqu’un, /me pour une action. Flèche haut modifie votre dernier message ; Échap annule une réponse ou une modification.
composer-send = Envoyer

## Dialogs
dialog-close = Fermer
start-chat-title = Démarrer une discussion
start-chat-pick = Discuter
start-chat-with = Démarrer une discussion avec { $name }
invite-title = Inviter une personne
invite-pick = Inviter
invite-who = Inviter { $name }
people-search = Nom ou identifiant
people-search-hint = Recherche dans l’annuaire des utilisateurs de ce serveur. Un identifiant complet comme @alice:example.org peut être utilisé directement.
people-search-submit = Rechercher
people-results = Personnes trouvées
people-none = Aucune personne trouvée.
new-room-title = Nouveau salon
new-room-name = Nom
new-room-topic = Sujet (facultatif)
new-room-access = Qui peut rejoindre le salon
new-room-private = Privé : uniquement les personnes que vous invitez ; messages chiffrés de bout en bout
new-room-public = Public : toute personne disposant de l’adresse peut rejoindre le salon ; messages non chiffrés
new-room-alias = Adresse
new-room-alias-hint = La partie avant les deux-points, par ex. team pour #team:example.org
new-room-create = Créer le salon
join-title = Rejoindre un salon
join-address = Adresse ou identifiant du salon
join-address-hint = Par exemple #team:example.org, ou un lien vers le salon
join-submit = Rejoindre

## Politique de l’administrateur, stockage et onglet unique
language-name = Français
login-server-locked = Vous vous connectez à { $server }.
help-link = Aide et assistance
error-config-field = Les réglages de l’administrateur (config.json) comportent une erreur dans le champ « { $field } » : { $problem }
error-homeserver-not-allowed = La politique de votre organisation n’autorise la connexion qu’à { $server }.
error-storage-unavailable = Ce navigateur refuse d’enregistrer des données pour ce site.
config-error-title = L’application ne peut pas démarrer
config-error-admin = L’administrateur doit corriger config.json sur le serveur. Rien n’a changé dans votre compte.
storage-unavailable-title = Ce navigateur ne peut pas conserver de données pour ce site
storage-unavailable-user = Sans stockage, vos messages et vos clés de chiffrement ne peuvent pas être conservés. Les fenêtres de navigation privée le refusent souvent : ouvrez cette page dans une fenêtre normale.
storage-unavailable-it = Pour le service informatique : autorisez les données de site (cookies et IndexedDB) pour l’adresse de ce site uniquement, par exemple avec la stratégie CookiesAllowedForUrls de Chrome et Edge ou la stratégie Cookies de Firefox. Aucun autre site n’a besoin d’être autorisé.
storage-not-persistent = Ce navigateur peut supprimer les données de l’application, y compris vos clés de chiffrement, quand l’espace disque manque. Demandez au service informatique d’autoriser le stockage persistant pour ce site.
tab-elsewhere-title = { $brand } est ouvert dans un autre onglet
tab-elsewhere-body = L’application fonctionne dans un seul onglet à la fois, pour que rien ne soit envoyé deux fois et que vos clés de chiffrement restent intactes.
tab-stopped-title = { $brand } est maintenant ouvert dans un autre onglet
tab-stopped-body = Cet onglet s’est arrêté. Rien n’a été perdu.
tab-free-title = L’autre onglet a été fermé
tab-free-body = Vous pouvez continuer ici.
tab-use-here = Utiliser ici

## Paramètres
settings-open = Paramètres
settings-title = Paramètres
settings-account = Compte
settings-profile = Profil
profile-loading = Chargement de votre profil…
profile-display-name = Nom affiché
profile-display-name-hint = Ce que les autres voient à côté de vos messages, dans chaque salon. Laissez vide pour montrer votre identifiant.
profile-save-name = Enregistrer le nom
profile-name-saved = Nom affiché enregistré. Les autres le voient dans tous vos salons.
profile-avatar-hint = Votre image s’affiche ronde : un carré est découpé en son centre.
profile-avatar-upload = Choisir une image
profile-avatar-remove = Retirer l’image
profile-avatar-saved = Image changée. Les autres la voient dans tous vos salons.
profile-avatar-removed = Image retirée.
settings-user-id = Identifiant
settings-device-id = Appareil
settings-homeserver = Serveur d’accueil
settings-language = Langue
settings-language-hint = La page se recharge dans la langue choisie.

## Salons : politique, liens, annonces
new-room-encryption-required = Votre organisation exige le chiffrement de bout en bout : chaque nouveau salon est privé et chiffré.
room-copy-link = Copier le lien vers ce salon
room-outside-title = Vous n'êtes pas dans ce salon
room-outside-explain = Rejoignez-le pour lire et écrire ici. Un salon d'une autre organisation est trouvé par son serveur.
room-outside-join = Rejoindre ce salon
room-link-copied = Lien copié : { $link }
room-link-not-copied = Le navigateur n’a pas permis la copie. Le lien est { $link }
live-message = { $sender } : { $body }
live-messages-from = { $count ->
    [one] { $count } nouveau message de { $sender }
   *[other] { $count } nouveaux messages de { $sender }
}
live-messages = { $count ->
    [one] { $count } nouveau message
   *[other] { $count } nouveaux messages
}

## Chiffrement : cet appareil, récupération, vérification, appareils
error-wrong-recovery-key = Cette clé de récupération n’est pas la bonne. Vérifiez-la et réessayez ; rien n’a été modifié.
error-no-recovery = Ce compte n’a pas de récupération configurée : il n’y a rien à restaurer. Vérifiez plutôt cet appareil avec un autre de vos appareils.
error-no-identity = { $user } n’a pas encore configuré le chiffrement et ne peut donc pas être vérifié.
error-encryption-failed = L’étape de chiffrement n’a pas abouti. Réessayez ; si cela persiste, contactez votre administrateur.
security-open = Sécurité
security-title = Sécurité et appareils
security-this-device = Cet appareil
security-checking = Vérification…
security-device-verified = Cet appareil est vérifié : il peut lire vos messages chiffrés et les autres peuvent lui faire confiance.
security-device-unverified = Cet appareil n’est pas encore vérifié. D’ici là, vous ne pouvez pas lire les messages envoyés avant votre connexion ici, et les autres le voient comme non vérifié. Vérifiez-le avec un autre appareil où vous êtes connecté, ou avec votre clé de récupération.
security-verify-with-device = Vérifier avec un autre appareil
security-verify-device = Vérifier cet appareil
security-banner-verify = Cet appareil n’est pas vérifié. Vous ne pourrez pas lire ici vos anciens messages chiffrés tant que vous ne l’aurez pas vérifié.
security-banner-setup = Configurez la récupération pour ne jamais perdre vos messages chiffrés, même si les données de ce navigateur sont effacées.
security-banner-complete = Saisissez votre clé de récupération pour terminer la configuration du chiffrement sur cet appareil.
recovery-title = Récupération
recovery-set-up = Configurer la récupération
recovery-enter-key = Saisir la clé de récupération
recovery-on = La récupération est activée : les clés de vos messages sont sauvegardées sur votre serveur, chiffrées, et votre clé de récupération les restaure sur un nouvel appareil.
recovery-off = La récupération est désactivée. Si vous perdez les données de ce navigateur, vous perdez vos messages chiffrés. L’activer sauvegarde vos clés sur votre serveur, chiffrées avec une clé de récupération que vous seul possédez.
recovery-off-unverified = Vérifiez d’abord cet appareil. Si vous n’avez ni autre appareil ni clé de récupération, vous pouvez réinitialiser votre chiffrement.
recovery-incomplete = La récupération est configurée pour votre compte, mais cet appareil n’a pas encore toutes ses clés. Saisissez votre clé de récupération.
recovery-working = En cours…
recovery-change-key = Changer la clé de récupération
recovery-key-intro = Voici votre clé de récupération. Conservez-la en lieu sûr, indépendamment de cet ordinateur (un gestionnaire de mots de passe, ou imprimée et mise sous clé) : c’est le seul moyen de lire vos messages chiffrés si vous perdez tous vos appareils. Elle n’est affichée qu’une fois.
recovery-key-label = Clé de récupération
recovery-key-copy = Copier la clé
recovery-key-download = Enregistrer dans un fichier
recovery-key-copied = La clé de récupération a été copiée.
recovery-key-not-copied = Le navigateur n’a pas autorisé la copie. Sélectionnez la clé et copiez-la, ou enregistrez-la dans un fichier.
recovery-key-not-saved = Le navigateur n’a pas autorisé l’enregistrement du fichier. Copiez plutôt la clé.
recovery-key-confirm = Saisissez ou collez votre clé de récupération
recovery-key-confirm-hint = Pour vous assurer de l’avoir conservée : collez-la depuis l’endroit où vous l’avez enregistrée.
recovery-key-mismatch = Ce n’est pas la clé affichée ci-dessus. Vérifiez ce que vous avez enregistré.
recovery-key-saved = J’ai enregistré ma clé
recovery-key-field = Clé de récupération
recovery-key-field-hint = La clé enregistrée lors de la configuration de la récupération : douze groupes de quatre caractères.
recovery-use-key = Vérifier avec la clé de récupération
recovery-checking-key = Vérification de la clé…
recovery-restored = C’est fait : cet appareil est vérifié et l’historique de vos messages est en cours de restauration.
reset-identity-open = Clé de récupération perdue ? Réinitialiser le chiffrement
reset-identity-warning = La réinitialisation vous donne une nouvelle identité, une nouvelle sauvegarde des clés et une nouvelle clé de récupération. Les messages que seule l’ancienne sauvegarde pouvait déchiffrer deviennent illisibles, toutes les personnes qui vous ont vérifié devront vous vérifier à nouveau, et vos autres appareils devront être vérifiés à nouveau.
reset-identity-confirm = Réinitialiser le chiffrement
reset-identity-cancel = Annuler
reset-identity-started = Votre ancienne sauvegarde des clés est déjà désactivée. Confirmez que c’est vous pour terminer la réinitialisation.
reset-identity-finish = Confirmer et réinitialiser
logout-keys-at-risk = Les clés de vos messages ne sont pas sauvegardées. Si vous vous déconnectez maintenant, vous ne pourrez plus lire vos messages chiffrés à votre prochaine connexion.
logout-anyway = Se déconnecter quand même
devices-title = Vos appareils
device-current = Cet appareil
device-verified = Vérifié
device-unverified = Non vérifié
device-trust-unknown = Vérification inconnue
device-last-seen = Vu pour la dernière fois le { $day } à { $time }
device-rename = Renommer
device-rename-named = Renommer { $device }
device-name = Nom de l’appareil
device-save = Enregistrer le nom
device-sign-out = Déconnecter l’appareil
device-sign-out-named = Déconnecter l’appareil { $device }
device-sign-out-confirm = Confirmez que c’est vous pour déconnecter l’appareil { $device }. Il perdra l’accès à votre compte et à ses clés de chiffrement.
room-encrypted = Chiffré
room-not-encrypted = Non chiffré
member-verified = Vérifié
member-verify = Vérifier
member-verify-named = Vérifier { $name }
identity-changed = L’identité de { $name } a changé. Cela arrive quand la personne réinitialise son chiffrement ; si vous ne vous y attendiez pas, vérifiez auprès d’elle par un autre moyen.
identity-changed-verified = L’identité vérifiée de { $name } a changé. Quelqu’un d’autre pourrait lire les messages ; vérifiez cette personne à nouveau ou retirez votre vérification.
identity-acknowledge = J’ai compris
identity-withdraw-verification = Retirer la vérification
identity-verify = Vérifier à nouveau
verification-title = Vérification
verification-other-device = votre autre appareil
verification-waiting = En attente de l’acceptation de la demande de vérification par { $user }…
verification-waiting-self = Ouvrez Lattice ou une autre application Matrix où vous êtes connecté, et acceptez-y la demande de vérification.
verification-incoming = { $user } souhaite effectuer une vérification avec vous.
verification-incoming-self = Un autre de vos appareils souhaite vérifier celui-ci.
verification-accept = Accepter
verification-decline = Refuser
verification-cancel = Annuler la vérification
verification-starting = Préparation des émojis…
verification-compare = Vérifiez que les mêmes émojis apparaissent dans le même ordre sur l’autre écran.
verification-emoji-label = Émojis à comparer
verification-match = Ils correspondent
verification-no-match = Ils ne correspondent pas
verification-confirmed-waiting = En attente de la confirmation de l’autre côté…
verification-done = { $user } est vérifié.
verification-done-self = Cet appareil est vérifié. Votre autre appareil lui envoie les clés de l’historique de vos messages.
verification-close = Fermer
verification-cancelled-by-them = L’autre côté a annulé la vérification. Rien n’a été modifié.
verification-cancelled-by-us = La vérification a été annulée. Rien n’a été modifié.
verification-cancelled-timeout = La vérification a pris trop de temps et a été annulée. Rien n’a été modifié ; vous pouvez recommencer.
verification-cancelled-mismatch = Les émojis ne correspondaient pas : rien n’a été vérifié. Quelqu’un pourrait intercepter vos échanges : vérifiez auprès de la personne par un autre moyen.
verification-cancelled-elsewhere = Un autre de vos appareils a répondu à la vérification.
verification-cancelled-unsupported = L’autre côté ne propose qu’une méthode de vérification que Lattice ne prend pas en charge (codes QR). Demandez-lui de comparer des émojis.
error-wrong-password = Ce mot de passe n’est pas le bon. Rien n’a été modifié.
time-unknown = heure inconnue
error-reset-cannot-confirm = Votre serveur demande une confirmation que cette application ne sait pas donner : la réinitialisation n’est donc pas terminée. Votre ancienne sauvegarde des clés est déjà désactivée. Terminez la réinitialisation avec une autre application ou adressez-vous à votre administrateur.
confirm-sso-waiting = En attente de la confirmation par la connexion de votre organisation : terminez-la dans la fenêtre ouverte.
device-sign-out-start = La déconnecter
date-unknown = date inconnue
confirm-sso-continue = C’est confirmé, continuer
confirm-sso-open = Confirmer dans une nouvelle fenêtre
confirm-sso-hint = Confirmez auprès de la connexion de votre organisation, dans une nouvelle fenêtre. Revenez ensuite ici.
error-cannot-confirm = Votre serveur demande une confirmation que cette application ne sait pas donner. Rien n’a été modifié. Utilisez une autre application ou adressez-vous à votre administrateur.
error-sso-confirm-not-finished = La connexion de votre organisation n’a pas encore confirmé que c’est vous. Terminez-la dans la fenêtre ouverte, puis continuez. Rien n’a été modifié.
device-sign-out-submit = Confirmer et déconnecter
identity-unverified-device = { $name } est connecté sur un appareil qu’il n’a pas vérifié ({ $device }). S’il ne lui appartient pas, quelqu’un d’autre pourrait lire : vérifiez auprès de la personne par un autre moyen.
verification-failed = La vérification n’a pas pu continuer. Rien n’a été modifié ; réessayez.
verification-done-other-device = Votre autre appareil est vérifié. Cet appareil lui envoie les clés de l’historique de vos messages.
error-backup-exists = Une autre application a créé pour votre compte une sauvegarde des clés que Lattice ne peut pas reprendre. Saisissez votre clé de récupération si vous en avez une ; sinon, réinitialisez le chiffrement pour créer une nouvelle sauvegarde.
error-reset-not-finished = Ce mot de passe n’est pas le bon : la réinitialisation n’est pas terminée. Votre ancienne sauvegarde des clés est déjà désactivée : saisissez à nouveau votre mot de passe pour terminer.
error-reset-not-confirmed = La connexion de votre organisation n’a pas encore confirmé que c’est vous : la réinitialisation n’est donc pas terminée. Votre ancienne sauvegarde des clés est déjà désactivée : terminez la confirmation dans la fenêtre ouverte, puis continuez.
# Fil enrichi : actions sur les messages, réactions, réponses, modifications, suppressions, médias.
actions-label = Actions sur le message de { $sender }
action-reply = Répondre à { $sender }
action-reply-short = Répondre
action-edit = Modifier votre message
action-edit-short = Modifier
action-delete = Supprimer le message de { $sender }
action-delete-short = Supprimer
action-copy-link = Copier un lien vers ce message
action-copy-link-short = Lien
action-source = Voir la source de ce message
action-source-short = Source
action-react-more = Plus de réactions
action-react-more-short = Réagir…
react-with = Réagir avec { $key }
react-with-named = Réagir avec { $key } ({ $name })
react-title = Ajouter une réaction
react-search = Chercher un emoji
react-results = Emoji
reaction-who = { $key } de { $names }
reply-jump = Réponse à { $sender } : afficher le message d’origine
read-by = Lu par { $names }
edit-history-open = Modifié : voir les versions précédentes
edit-history-title = Historique des modifications
delete-title = Supprimer le message
delete-explain = Le message est retiré pour tout le monde dans le salon. C’est définitif.
delete-reason = Motif (facultatif)
delete-confirm = Supprimer
source-title = Source du message
source-unavailable = La source de ce message n’est pas disponible.
spoiler = Divulgâcheur : afficher
spoiler-reason = Divulgâcheur ({ $reason }) : afficher
image-open = Ouvrir l’image { $name } en taille réelle
media-loading = Chargement…
file-save = Enregistrer { $name }
file-save-short = Enregistrer
upload-progress = Progression de l’envoi
upload-cancel = Annuler l’envoi
composer-attach = Joindre des fichiers
composer-attach-short = Joindre
composer-replying = Réponse à { $sender }
composer-editing = Modification de votre message
composer-mode-cancel = Annuler
composer-save = Enregistrer
mention-list = Personnes à mentionner
typing-one = { $name } écrit…
typing-two = { $first } et { $second } écrivent…
typing-many = { $count ->
    [one] { $name } et une autre personne écrivent…
   *[other] { $name } et { $count } autres personnes écrivent…
}
state-room-avatar = { $sender } a changé l’image du salon
state-pins = { $sender } a changé les messages épinglés
state-server-acl = { $sender } a changé les serveurs autorisés à participer
state-tombstone = { $sender } a mis à niveau ce salon ; la conversation continue dans un nouveau salon
state-alias = { $sender } a défini l’adresse principale du salon : { $alias }
state-alias-removed = { $sender } a retiré l’adresse principale du salon
state-join-public = { $sender } a rendu le salon public : tout le monde peut le rejoindre
state-join-invite = { $sender } a réservé le salon aux invités
state-join-knock = { $sender } permet de demander à rejoindre
state-join-restricted = { $sender } permet aux membres d’un espace de rejoindre
state-join-other = { $sender } a changé qui peut rejoindre
state-history-world = { $sender } a rendu l’historique lisible par tous
state-history-shared = { $sender } a rendu l’historique visible à tous les membres
state-history-invited = { $sender } a rendu l’historique visible aux membres depuis leur invitation
state-history-joined = { $sender } a rendu l’historique visible aux membres depuis leur arrivée
state-history-other = { $sender } a changé qui peut lire l’historique
state-guests-allowed = { $sender } a autorisé les invités
state-guests-forbidden = { $sender } a interdit les invités
state-power-levels = { $sender } a changé les permissions du salon
state-power-levels-users = { $sender } a changé les niveaux de pouvoir : { $changes }
error-message-not-found = Ce message n’est plus dans ce salon.
error-message-action = Cela n’a pas fonctionné. Vérifiez votre connexion et réessayez.
error-unknown-command = { $command } n’est pas une commande connue de Lattice ; rien n’a été envoyé. Pour envoyer un texte commençant par une barre oblique, commencez-le par //.
error-file-too-large = Ce fichier fait { $size } ; le serveur accepte au plus { $max }. Rien n’a été envoyé.
error-file-unreadable = Le navigateur n’a pas pu lire { $name }. Rien n’a été envoyé.
error-not-a-picture = { $name } n’est pas une image que ce navigateur peut afficher. Rien n’a été modifié.
error-media-unavailable = Ce fichier n’a pas pu être chargé.
changes-created = { $sender } a créé et configuré le salon ({ $count } modifications)
changes-by = { $sender } a fait { $count } modifications du salon
changes-many = { $count } modifications du salon
thread-label = Fil de discussion
thread-close = Fermer le fil
thread-open = { $count ->
    [one] Ouvrir le fil (1 réponse)
   *[other] Ouvrir le fil ({ $count } réponses)
}
action-thread = Répondre à { $sender } dans un fil
action-thread-short = Fil
crash-title = Lattice s’est arrêté
crash-explain = Un problème a obligé Lattice à s’arrêter. Rechargez la page pour continuer : votre session et les messages envoyés sont conservés.
crash-reload = Recharger
crash-report = Rapport d’erreur pour le service informatique (sans mot de passe ni message)

error-session-ended-by-server = Vous avez été déconnecté : le serveur n'accepte plus cette session (elle a été fermée depuis un autre appareil, supprimée, ou le compte a été fermé). Ses données sur cet appareil ont été effacées. Reconnectez-vous pour continuer.
session-ended-title = Vous avez été déconnecté
session-ended-why = Le serveur n'accepte plus cette session : elle a été fermée depuis un autre appareil, supprimée, ou le compte a été fermé.
session-ended-keys-at-risk = Les clés de vos messages chiffrés sur cet appareil ne sont pas dans une sauvegarde de clés. Une fois les données de cet appareil effacées, les messages chiffrés que seul cet appareil pouvait lire ne pourront plus être lus.
session-ended-continue = Effacer les données de cet appareil et se reconnecter
connection-lost = Le serveur est injoignable. Les messages que vous envoyez attendent ici et partiront dès son retour.
connection-slowed = Le serveur a demandé à Lattice d'attendre avant de se synchroniser à nouveau. La synchronisation reprend d'elle-même une fois ce délai écoulé.
connection-error = La synchronisation avec le serveur a échoué. Lattice réessaie de lui-même.
connection-retry = Réessayer maintenant

send-waiting = En attente du serveur : partira de lui-même
send-retry-now = Réessayer maintenant
send-failed-unverified-devices = Non envoyé : une personne ici a un appareil qu'elle n'a pas vérifié, et cet appareil n'envoie qu'aux appareils vérifiés.
send-failed-identity-changed = Non envoyé : une personne que vous avez vérifiée a une nouvelle identité. Vérifiez-la dans la liste des membres, puis réessayez.
send-failed-verify-this-device = Non envoyé : vérifiez d'abord cet appareil (Sécurité).
send-failed-file = Non envoyé : le fichier n'est plus disponible ou son type n'est pas accepté. Renvoyez-le.
send-failed-too-large = Non envoyé : plus grand que ce que le serveur accepte.
send-failed-forbidden = Non envoyé : vous n'avez pas le droit d'écrire dans ce salon.
send-failed-refused = Non envoyé : le serveur l'a refusé.

error-too-large = C'est plus grand que ce que le serveur accepte.
error-server-full = Le serveur a atteint une limite fixée par ses administrateurs. Contactez votre support informatique.

error-local-data-unreadable = Les données que Lattice garde dans ce navigateur sont illisibles : elles sont peut-être endommagées. Réinitialisez-les ci-dessous pour continuer.
reset-local-data-title = Réinitialiser les données locales
reset-local-data-explain = Si réessayer n'aide pas, cela efface tout ce que Lattice garde dans ce navigateur. Reconnectez-vous ensuite : vos salons et messages reviennent du serveur et, si vous avez configuré la récupération, l'historique chiffré revient quand vous saisissez votre clé de récupération. Les messages chiffrés que seul ce navigateur pouvait lire, et les messages pas encore envoyés, sont perdus.
reset-try-again = Réessayer
reset-local-data = Effacer les données locales

storage-nearly-full = Le stockage de Lattice dans ce navigateur est presque plein ({ $used } sur { $quota }). Les nouveaux messages et clés risquent de ne pas être enregistrés. Demandez au service informatique d'autoriser plus de stockage pour ce site, ou libérez de l'espace sur cet ordinateur.
error-storage-full = Le stockage de Lattice dans ce navigateur est plein : rien de nouveau ne peut être enregistré. Demandez au service informatique d'autoriser plus de stockage pour ce site, ou libérez de l'espace sur cet ordinateur.

session-expired-why = Votre session a expiré. Reconnectez-vous avec votre mot de passe pour continuer : vos messages et clés sur cet appareil sont conservés.
session-sign-in-again = Se reconnecter
session-ended-delete-instead = Effacer plutôt les données de cet appareil
