# Error messages: scenario files, session logs, storage and files, feedback.

## A message about a file: its path, then what is wrong.
error-in-file = {$path} : {$reason}

## Scenario files: a syntax error with its place, or every problem with the path of its field.
scenario-syntax =
    {$file}:{$line}:{$column} : {$reason}
    {$snippet}
scenario-problems = {$file} : {$count ->
        [one] {$count} problème
       *[other] {$count} problèmes
    } :{$problems}
scenario-problem = {$path} : {$reason}
scenario-at-least = doit être supérieur ou égal à {$min} (valeur trouvée : {$found})
scenario-at-most = doit être inférieur ou égal à {$max} (valeur trouvée : {$found})
scenario-positive = doit être strictement positif (valeur trouvée : {$found})
scenario-euros-limit = doit être un nombre d'au plus {$limit} euros
scenario-min-above-max = le minimum ne doit pas dépasser le maximum (trouvé : {$min} > {$max})
scenario-empty = ne doit pas être vide
scenario-no-banks = un scénario a besoin d'au moins une banque
scenario-too-many-banks = au plus {$max} banques (trouvé : {$found})
scenario-too-many-merchants = au plus {$max} commerçants en tout (trouvé : {$found})
scenario-too-many-households = au plus {$max} ménages en tout (trouvé : {$found})
scenario-id-taken = l'identifiant « {$id} » est déjà pris par {$first}
scenario-id-generated = l'identifiant « {$id} » est aussi le nom d'un membre généré
scenario-prefixes-overlap = « {$first} » et « {$second} » peuvent nommer le même membre ; prenez des préfixes distincts
scenario-product-twice = {$product} figure deux fois (aussi en products[{$first}])
scenario-no-bank-id = aucune banque n'a l'identifiant « {$id} »
scenario-no-merchant-id = aucun commerçant n'a l'identifiant « {$id} »
scenario-no-client-id = aucun client n'a l'identifiant « {$id} »
scenario-no-goods = un commerce a besoin d'au moins un article
scenario-event-turn-zero = doit être supérieur ou égal à 1 (les événements ont lieu en début de mois)
scenario-event-after-end = le mois {$turn} vient après le dernier mois ({$last})
scenario-choice-options = une question à choix a besoin d'au moins 2 options (trouvé : {$found})
scenario-quiz-long = un quiz pose au plus {$max} questions (trouvé : {$found})
scenario-quiz-options = une question de quiz a besoin de 2 à {$max} options (trouvé : {$found})
scenario-quiz-answer = la bonne réponse est l'option {$answer} (à partir de 0), mais il y a {$options} options
scenario-lesson-same-layer = une leçon compare deux couches différentes
scenario-lesson-no-event = le calendrier n'a aucun événement {$event} à comparer avec et sans
scenario-seat-twice = cette place figure deux fois

## What the RON reader found wrong in a scenario file.
ron-eof = le fichier s'arrête trop tôt : un crochet ou une parenthèse n'est pas fermé
ron-expected-array = il manque un crochet ouvrant `[`
ron-expected-array-end = il manque un crochet fermant `]`
ron-expected-boolean = true ou false attendu
ron-expected-comma = il manque une virgule
ron-expected-char = un caractère entre apostrophes attendu
ron-expected-number = un nombre attendu
ron-expected-integer = un nombre entier attendu
ron-expected-option = une valeur facultative attendue
ron-expected-paren = il manque une parenthèse ouvrante `(`
ron-expected-paren-for = il manque une parenthèse ouvrante `(` pour {$name}
ron-expected-paren-end = il manque une parenthèse fermante `)`
ron-expected-map = il manque une accolade ouvrante `{"{"}`
ron-expected-colon = il manque deux-points
ron-expected-map-end = il manque une accolade fermante `{"}"}`
ron-other-struct-name = `{$expected}` attendu ici, `{$found}` trouvé
ron-expected-unit = `()` attendu
ron-expected-text = un texte entre guillemets droits attendu
ron-expected-text-end = un texte entre guillemets n'est pas fermé
ron-expected-name = un nom attendu
ron-integer-out-of-bounds = ce nombre est trop grand ou trop petit pour ce champ
ron-invalid-digit = le chiffre {$digit} ne peut pas figurer dans un nombre en base {$base}
ron-underscore = tiret bas inattendu dans un nombre
ron-unclosed-comment = un commentaire ouvert par /* n'est pas fermé
ron-unexpected-char = caractère inattendu : {$char}
ron-trailing = texte inattendu après la fin du scénario
ron-not-utf8 = le fichier n'est pas du texte UTF-8
ron-too-deep = le fichier est trop profondément imbriqué
ron-invalid-value = attendu : {$expected} ; trouvé : {$found}
ron-wrong-length = attendu : {$expected} ; trouvé : {$count ->
        [one] un élément
       *[other] {$count} éléments
    }
ron-unknown-variant = valeur inconnue `{$found}`{$where} ; attendu : {$choices}
ron-unknown-field = champ inconnu `{$found}`{$where} ; attendu : {$choices}
ron-missing-field = le champ `{$field}` manque{$where}
ron-duplicate-field = le champ `{$field}` figure deux fois{$where}
ron-in = {" "}dans `{$outer}`
ron-choices-none = rien ici
ron-choices-one = `{$name}`
ron-choices-many = {$list} ou `{$last}`
ron-kind-integer = un nombre entier
ron-kind-number = un nombre
ron-kind-text = un texte entre guillemets droits
ron-kind-boolean = true ou false
ron-kind-list = une liste entre `[ ]`
ron-kind-char = un caractère
ron-kind-struct = un {$name} entre `( )`
ron-kind-other = {$detail}
ron-found-boolean = {$value}
ron-found-integer = le nombre entier {$value}
ron-found-number = le nombre {$value}
ron-found-char = le caractère {$value}
ron-found-text = le texte {$value}
ron-found-unit = `()`
ron-found-option = une valeur facultative
ron-found-list = une liste
ron-found-map = un dictionnaire
ron-other = le fichier est illisible : {$detail}

## Session logs and the game being played.
log-not-json = ce n'est pas un journal de partie Glass Bank (pas du JSON, ligne {$line}, colonne {$column})
log-foreign = ce n'est pas un journal de partie Glass Bank (c'est « {$format} »)
log-no-format = ce n'est pas un journal de partie Glass Bank (pas de champ « format »)
log-newer = ce journal de partie a été écrit par une version plus récente de Glass Bank (format version {$version}) ; celle-ci lit la version {$reads}
log-older = ce journal de partie est dans un ancien format (version {$version}) ; cette version de Glass Bank lit la version {$reads}
log-no-version = le journal de partie n'indique pas de version
log-damaged = le journal de partie est abîmé : {$detail}
log-scenario-hash = le scénario contenu dans le journal de partie ne correspond pas à son empreinte
log-scenario = le scénario contenu dans le journal de partie : {$reason}
log-jumps = le journal saute au mois {$turn} alors que le mois {$expected} était attendu
log-differs = le rejeu diffère du journal au mois {$turn} (comptes {$books}, journal {$logged})
session-no-seat = cette place n'existe pas dans ce scénario : {$seat}
session-not-human = {$seat} n'est pas une place tenue par une personne
session-words-too-long = les mots de l'animateur font {$found} caractères ; une table en prend {$max} au plus
session-over = la partie est terminée
session-wrong-draft = {$seat} : des décisions du mauvais type
session-not-played-yet = le mois {$month} n'a pas encore été joué (la partie en est au mois {$now})
session-paused = la table est arrêtée pour la discussion
session-no-question = le scénario n'a pas de question de discussion {$number}
session-in-month = mois {$month} : {$reason}

## Refusals of the simulation (its details are for developers).
error-sim-config = économie incohérente : {$detail}
error-sim-decision = décision refusée : {$detail}
error-sim-out-of-bounds = décision refusée ({$who}) : {$reason}
decision-out-of-bounds = {$field} : entre {$min} et {$max}, pas {$found}
session-overflow-refused = Les comptes n'ont pas pu porter les décisions de {$who} ce mois-ci (un montant trop grand) : les réglages du mois dernier ont été gardés.
error-sim-ledger = les comptes ont refusé une écriture : {$detail}
error-sim-overflow = un montant a dépassé la capacité de calcul
error-sim-stopped = l'économie s'est arrêtée après une erreur précédente

## Files on the desktop, storage in the browser.
io-file = {$path} : {$reason}
io-not-found = fichier ou dossier introuvable
io-permission-denied = accès refusé
io-already-exists = il existe déjà
io-storage-full = le disque est plein
io-read-only = le disque est en lecture seule
io-not-a-folder = une partie du chemin est un fichier, pas un dossier
io-is-a-folder = c'est un dossier, pas un fichier
io-not-text = ce n'est pas du texte UTF-8
io-other = {$detail}
web-no-window = le jeu ne tourne pas dans une fenêtre de navigateur
web-no-storage = ce navigateur ne laisse le jeu rien conserver
web-storage-full = l'espace de stockage du navigateur pour cette page est plein ; téléchargez ce dont vous avez besoin, puis libérez de la place
web-storage-refused = le navigateur a refusé de l'enregistrer ({$name})
web-not-kept = pas conservé dans ce navigateur
web-download-no-page = {$name} : impossible d'atteindre la page
web-download-no-file = {$name} : impossible de créer le fichier
web-download-no-link = {$name} : impossible de créer le lien
web-page-blocked = Le navigateur n'a pas ouvert de nouvel onglet : autorisez cette page à ouvrir des fenêtres surgissantes, puis appuyez de nouveau.
page-not-opened = Aucun navigateur n'a ouvert la page : {$reason}

## L'atelier en réseau : ce que dit la salle quand elle refuse un message.
roster-bad-label = ligne {$line} de la liste : une étiquette fait au plus {$max} caractères, sans caractère de contrôle
roster-twice = ligne {$line} de la liste : « {$label} » y est deux fois
roster-too-long = une liste compte au plus {$max} participants
roster-empty = la liste ne compte personne (une étiquette par ligne, la première colonne d'un CSV)
net-too-large = le message est trop grand ({$size} octets ; au plus {$max})
net-malformed = ce n'est pas un message que la salle comprend ({$detail})
net-not-connected = cette connexion est fermée
net-join-first = entrez d'abord dans la salle
net-already-seated = vous avez déjà une place
net-not-a-seat = cette place n'est pas jouée par une personne dans cette partie
net-seat-taken = cette place est prise ; demandez à l'animateur
net-quiz-not-due = le quiz n'est pas ouvert pour cette place maintenant (il est posé avant le premier mois et après le débriefing, une fois)
net-tables = une salle a de 1 à {$max} tables, pas {$found}
net-no-table = il n'y a pas de table {$table} : la salle en a {$tables}
net-which-table = dites quelle table : cette place est à chaque table
net-table-refused = table {$table} : {$reason}
net-seat-elsewhere = votre place est maintenant jouée depuis une autre page ou un autre appareil ; cette page s'arrête ici
net-seat-freed = l'animateur a libéré cette place ; rejoignez la salle pour en prendre une libre
net-wrong-draft = cette décision n'est pas pour votre place
net-not-your-case = ce dossier ne vous attend pas
net-protocol = cette page parle la version {$theirs} du protocole de la salle et la salle la version {$ours} : rechargez la page
net-no-room = il n'y a pas de salle « {$room} » ici ; vérifiez le code
net-too-many-codes = trop de codes de salle erronés depuis cette machine ; attendez une minute et vérifiez le code projeté
net-bad-token = la clé de cette place est inconnue ici ; choisissez à nouveau une place
net-no-seat = choisissez d'abord une place
net-already-done = vous avez fini pour ce mois ; attendez les autres
net-too-fast = trop de messages à la fois ; attendez un instant
net-not-finished = le questionnaire s'ouvre quand tous les mois ont été joués
net-bot-plays = un robot joue cette place désormais ; demandez à l'animateur
net-not-facilitator = seul l'animateur peut faire cela
net-no-question = il n'y a pas de question « {$id} » dans le questionnaire de cette partie
net-bad-answer = la réponse à « {$id} » n'est pas de celles que la question attend
