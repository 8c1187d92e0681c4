# Messages of the command line (glassbank simulate, check, replay): usage, progress, summaries.

cli-usage =
    utilisation :
      glassbank [SCENARIO.ron] [--lang en|fr] [--scale N] [--facilitator] [--screenshot FICHIER.png | --tour DOSSIER]
          jouer (les scénarios fournis, et SCENARIO en tête s'il est donné) ; --facilitator démarre en
          mode animateur (F2 console, F3 projection) ; --screenshot enregistre le premier écran puis
          quitte, --tour enregistre un PNG par écran dans DOSSIER puis quitte
      glassbank simulate [SCENARIO.ron] [--seed N] [--turns N] [--seat ROLE[:ACTEUR]=bot:STRATEGIE]...
        {"                     "}[--out DOSSIER] [--seeds PREMIERE..DERNIERE] [--quiet]
          faire jouer des robots seuls et afficher un bilan ; avec --out, écrire report.json et des
          séries chronologiques CSV ; avec --seeds, jouer chaque graine de PREMIERE à DERNIERE et
          afficher la dispersion des résultats
          rôles : client, retail_banker (banquier de détail), business_banker (banquier
          d'entreprise), merchant (commerçant) ; stratégies : fair (loyal), greedy (avide),
          cautious (prudent), random (au hasard)
      glassbank check SCENARIO.ron... [--lessons [--seeds PREMIÈRE..DERNIÈRE]]
          lire et vérifier des fichiers de scénario, en signalant chaque problème ; avec --lessons,
          jouer les leçons de chaque scénario avec des robots sur les graines (1..20 par défaut) et
          dire si chacune est vérifiée
      glassbank replay PARTIE.json [--turns N]
          rejouer une partie enregistrée à partir de son journal, en vérifiant les comptes après
          chaque mois, puis afficher le bilan (après le mois N avec --turns)
      glassbank report DOSSIER [--out DOSSIER] [--room-code CODE]
          le rapport d'une classe à partir des journaux de partie (*.session.json) et de retours
          (*.jsonl) de DOSSIER : report.html (les résultats de chaque table, le questionnaire et
          le quiz par traitement, avec les tailles d'effet), class.csv (chaque observation) et
          codebook.csv ; --room-code ne garde que les réponses données dans cette salle (pas
          celles d'une répétition)
      glassbank serve [SCENARIO.ron] [--port N] [--bind ADRESSE] [--players N] [--minutes N] [--seed N]
        {"                "}[--tables N | --table-size N] [--treatments COUCHE,COUCHE] [--away N]
        {"                "}[--roster FICHIER.csv] [--seeds A..B] [--web DOSSIER] [--room FICHIER] [--new]
          ouvrir un atelier en réseau : les joueurs entrent depuis leur navigateur (la version web
          dans DOSSIER, web/dist par défaut) avec le code de la salle ; --players ouvre plus de
          places que le scénario, --minutes limite chaque mois ; une classe joue à plusieurs
          tables, chacune son économie (--tables N, ou --table-size N avec --players), chaque
          arrivant placé à la moins remplie ; --treatments donne aux tables des couches (opaque,
          disclosed, glass) à parts égales, dans un ordre tiré de --seed ; --away N fait jouer
          par un robot une place vide depuis N minutes ; --roster liste les participants (une
          étiquette par ligne, la première colonne d'un CSV) : chacun reçoit un lien personnel,
          écrit dans SALLE.links.csv, qui le place à une table tirée à parts égales et lui rend
          sa place sur n'importe quel appareil ; pour le débriefing de la classe, des
          robots jouent les leçons du scénario sur les graines 1..100 (--seeds) pendant la
          partie ; la salle est gardée dans FICHIER et
          reprend après un redémarrage (--new repart de zéro), le journal de chaque table à côté ;
          tapez help pour les commandes de l'animateur
      --lang choisit la langue des messages ; sans lui, LC_ALL, LC_MESSAGES ou LANG la choisissent.

## Arguments
cli-error = glassbank : {$reason}
cli-needs-number = {$flag} attend un nombre
cli-needs-layers = {$flag} demande des couches séparées par des virgules, par ex. opaque,glass
cli-not-a-layer = « {$value} » n'est pas une couche : opaque, disclosed ou glass
cli-not-a-number = {$flag} {$value} : ce n'est pas un nombre dans les limites permises
cli-needs-file = {$flag} attend un fichier
cli-needs-folder = {$flag} attend un dossier
cli-lang-needed = --lang attend en ou fr
cli-lang-unknown = langue inconnue {$lang} : choisissez en ou fr
cli-turns-zero = --turns doit valoir au moins 1
cli-seat-needed = --seat attend ROLE[:ACTEUR]=bot:STRATEGIE
cli-seeds-needed = --seeds attend PREMIERE..DERNIERE
cli-room-code-needed = --room-code attend le code de la salle, tel que le serveur l'a affiché (lettres et chiffres)
cli-unknown-option = option inconnue {$option}
cli-unexpected-argument = argument inattendu {$argument}
cli-game-only = --screenshot et --tour vont avec le jeu, pas avec une commande
cli-replay-arguments = replay prend un journal de partie et, au plus, --turns
cli-report-arguments = report prend un dossier de journaux de parties et de retours et, au plus, --out
cli-simulate-only = --seed, --turns, --seat, --out et --seeds vont avec `simulate`
cli-needs-address = {$flag} demande une adresse, par ex. 0.0.0.0 (tous les réseaux) ou 127.0.0.1 (cette machine seulement)
cli-not-an-address = --bind {$value} : ce n'est pas une adresse IP (par ex. 0.0.0.0 ou 192.168.1.10)
cli-serve-only = --port, --bind, --players, --minutes, --web, --room et --new vont avec `serve`
cli-serve-arguments = serve prend un scénario et --seed, --seeds, --roster, --port, --bind, --players, --tables, --table-size, --treatments, --minutes, --away, --web, --room, --new
cli-no-serve = cette version ne peut pas ouvrir de salle en réseau (construite sans la fonction « serve »)
cli-seed-and-seeds = --seed et --seeds ne vont pas ensemble
cli-lessons-only = --lessons va avec `check`
cli-check-needs-file = check attend au moins un fichier de scénario
cli-replay-needs-log = replay attend un journal de partie
cli-seat-form = --seat {$seat} : attendu ROLE[:ACTEUR]=bot:STRATEGIE
cli-seat-role = --seat {$seat} : rôle inconnu « {$role} » (client, retail_banker, business_banker, merchant)
cli-seat-strategy = --seat {$seat} : attendu bot:fair, bot:greedy, bot:cautious ou bot:random après =
cli-seat-no-bank = --seat : aucune banque n'a l'identifiant « {$id} »
cli-seat-no-merchant = --seat : aucun commerçant n'a l'identifiant « {$id} »
cli-seat-no-client = --seat : aucun client n'a l'identifiant « {$id} »
cli-seeds-form = --seeds {$seeds} : attendu PREMIERE..DERNIERE, par exemple 1..100
cli-seeds-too-many = --seeds {$seeds} : au plus {$max} graines
cli-no-display = pas d'écran où ouvrir la fenêtre du jeu (DISPLAY n'est pas défini) : jouez sur un bureau, ou sous `xvfb-run -a glassbank` ; sans fenêtre, `glassbank simulate` joue un scénario et `glassbank serve` ouvre une salle d'atelier
cli-no-game = cette version n'a pas de fenêtre de jeu (compilée sans la fonctionnalité « game ») ; essayez `glassbank simulate`

## Runs
cli-progress-month = mois {$done}/{$of}
cli-progress-seed = graine {$done}/{$of}
cli-progress-games = partie {$done}/{$of}
cli-in-month = mois {$month} : {$reason}
cli-with-seed = graine {$seed} : {$reason}
cli-run-title = {$title} (graine {$seed})
cli-wrote = écrit : {$path}
cli-wrote-report = report.json, banks.csv, products.csv, merchants.csv et households.csv écrits dans {$folder}
cli-replayed = {$path} : {$months ->
        [one] {$months} mois rejoué
       *[other] {$months} mois rejoués
    }, comptes identiques au journal
cli-check-ok = {$path} : correct (mois : {$turns}, banques : {$banks}, commerçants : {$merchants}, ménages : {$households}, événements : {$events})
cli-strategy-fair = loyal
cli-strategy-greedy = avide
cli-strategy-cautious = prudent
cli-strategy-random = au hasard

## The summary of a game
summary-turns = mois joués : {$turns}
summary-postings = écritures : {$postings}
summary-balanced = comptes équilibrés : oui
summary-unbalanced = comptes équilibrés : NON
summary-bank = {$name} (particuliers : {$retail}, entreprises : {$business})
summary-bank-clients = clients {$clients} (gagnés {$won}, perdus {$lost}), commerçants {$merchants}
summary-bank-sheet = bilan : réserves {$reserves}, prêts à la consommation {$consumer_loans}, prêts immobiliers {$mortgages}, prêts aux entreprises {$business_loans}, moins les dépréciations {$allowance}, découverts {$overdrafts} | dépôts à vue {$deposits}, épargne {$savings}, fonds propres {$equity}
summary-bank-pnl = compte de résultat : intérêts reçus {$interest_income}, intérêts versés {$interest_expense}, marge d'intérêts {$nii}, commissions {$fees}, frais de fonctionnement {$operating_costs}, coût du risque {$credit_losses}, impôt {$tax}, résultat net {$net_profit}
summary-bank-ratios = taux de marge d'intérêts {$nim} | part de la marge d'intérêts {$nii_share} | coût du risque {$cost_of_risk} | coefficient d'exploitation {$cost_income} | rentabilité des fonds propres {$roe} | ratio CET1 {$cet1} | prêts/dépôts {$loans_to_deposits} | trésorerie/actif {$cash_to_assets}
summary-merchants = commerçants : {$count} | ventes {$sales} | commissions carte {$card_fees} | résultat net {$net_income}
summary-households = ménages : {$count} | confiance moyenne {$trust} | changements de banque {$switched} | réclamations {$complaints} | frais imprévus {$surprise_fees} | à découvert aujourd'hui {$overdrawn}

## Seed sweeps
sweep-seeds = {$count ->
        [one] {$count} graine
       *[other] {$count} graines
    }
sweep-outcome = résultat
sweep-min = min
sweep-p10 = p10
sweep-median = médiane
sweep-p90 = p90
sweep-max = max
sweep-bank-net-profit = banque {$bank} : résultat net (€)
sweep-bank-nim = banque {$bank} : taux de marge d'intérêts (%)
sweep-bank-nii-share = banque {$bank} : part de la marge d'intérêts (%)
sweep-bank-cost-of-risk = banque {$bank} : coût du risque (%)
sweep-bank-roe = banque {$bank} : rentabilité des fonds propres (%)
sweep-bank-clients = banque {$bank} : clients
sweep-shops-net-income = commerces : résultat net (€)
sweep-shops-card-fees = commerces : commissions carte (€)
sweep-households-switched = ménages : changements de banque
sweep-households-fees = ménages : frais payés (€)
sweep-households-trust = ménages : confiance moyenne

## glassbank serve : la salle de l'atelier en réseau
serve-cannot-listen = impossible d'écouter sur {$address} : {$reason}
serve-opened = La salle {$room} est ouverte : {$seats ->
        [one] {$seats} place
       *[other] {$seats} places
    } pour les joueurs, mois {$month}.
serve-resumed = La salle {$room} reprend depuis son fichier au mois {$month} ({$seats ->
        [one] {$seats} place
       *[other] {$seats} places
    }) ; les pages des joueurs retrouvent leur place.
serve-join = Les joueurs ouvrent {$url} (ou scannent le code) et choisissent une place.
serve-roster = {$count} liens personnels, chacun avec l'étiquette et la table de son participant, dans {$path} : donnez à chacun le sien (il lui rend sa place sur n'importe quel appareil).
serve-facilitator = La tablette de l'animateur (gardez ce lien pour vous : il contient le secret de la salle) : {$url}
serve-files = La salle est gardée dans {$room} ; les réponses du débriefing vont dans {$feedback}.
serve-no-web = Pas de version web dans {$path} : les navigateurs des joueurs ne recevront rien. Construisez-la avec `bash web/build.sh`.
serve-help = Commandes : status | pause [N ou question] | resume (reprendre) | say MESSAGE (dans les nouvelles du mois) | next (jouer le mois maintenant) | bots N (des robots jouent N mois pour tous) | rewind MOIS | reveal opaque|disclosed|glass | bot PLACE (un robot la joue) | free PLACE (son joueur est libéré, son lien ne marche plus) | minutes N (temps par mois, 0 : aucun) | away N (un robot joue une place vide depuis N minutes, 0 : jamais) | quit. Commencez par @T pour la seule table T (@2 pause).
serve-questions = Questions de discussion (pause N arrête sur la question N) :
serve-status-table = Table {$table}{$treatment} : {$month} {$deciding} décident, {$done} ont fini, {$away} absents ou libres, {$bots} joués par des robots
serve-tables = {$tables} tables, chacune son économie, même ville et même graine{$treatments}.
serve-treatments = ; traitements tirés de la graine {$seed} : {$list}
serve-needs-number = {$command} demande un nombre
serve-needs-layer = reveal demande opaque, disclosed ou glass
serve-no-such-seat = pas de place « {$seat} » (écrivez-la comme dans la liste, par ex. retail_banker:a)
serve-unknown-command = commande inconnue « {$command} » ; tapez help
serve-status-month = Mois {$month}/{$turns} :
serve-status-paused = Mois {$month}/{$turns}, arrêté pour la discussion (resume pour reprendre) :
serve-status-over = Les {$turns} mois sont joués : le débriefing.
serve-seat-free = libre
serve-seat-away = déconnecté
serve-seat-deciding = décide
serve-seat-done = a fini
serve-seat-bot = jouée par un robot
serve-not-saved = Le fichier de la salle n'est pas écrit ({$reason}) ; nouvel essai chaque seconde.

## Leçons : `check --lessons` et le bilan
lessons-title = Leçons de « {$scenario} », chaque variante jouée par des robots avec {$seeds ->
    [one] une graine
   *[other] {$seeds} graines
    } (p10 / médiane / p90)
lesson-expect-lower = {$metric} : {$second} face à {$first}, attendu plus bas
lesson-expect-higher = {$metric} : {$second} face à {$first}, attendu plus haut
lesson-spread = {$variant} : {$p10} / {$median} / {$p90}
lesson-holds = vérifiée : {$change} sur les médianes, et les fourchettes p10-p90 ne se chevauchent pas
lesson-overlaps = non vérifiée : {$change} sur les médianes, comme attendu, mais les fourchettes p10-p90 se chevauchent (le hasard pourrait l'expliquer)
lesson-wrong-way = non vérifiée : {$change} sur les médianes, dans l'autre sens
lesson-without = sans {$event}
lesson-with = avec {$event}
lesson-event-policy-rate = le changement de taux directeur
lesson-event-interchange-cap = le plafonnement de l'interchange
lesson-event-fee-cap = le plafonnement des frais
lesson-event-recession = la récession
lesson-event-fraud-wave = la vague de fraude
lessons-none = {$path} : aucune leçon à vérifier (ajoutez `lessons: [...]`, voir docs/scenario-format.md)
lessons-failed = {$count ->
    [one] une leçon n'est pas vérifiée
   *[other] {$count} leçons ne sont pas vérifiées
    }
metric-households-fees-paid = frais payés par les ménages
metric-households-surprise-fees = frais surprises des ménages
metric-households-interest = intérêts de l'épargne des ménages
metric-households-savings-yield = le taux annuel versé aux ménages sur leur argent
metric-households-switched = ménages ayant changé de banque
metric-households-complaints = réclamations des ménages
metric-households-trust = confiance des ménages en leur banque
metric-merchants-card-fees = commissions carte des commerces
metric-merchants-switched = commerces ayant changé de banque
metric-merchants-accepting-cards = commerces acceptant la carte
metric-merchants-net-income = résultat net des commerces
metric-banks-fee-income = commissions des banques
metric-bank-clients = ménages clients de {$bank}
metric-bank-merchants = commerces clients de {$bank}
metric-bank-profit = bénéfice de {$bank}
metric-bank-fee-income = commissions de {$bank}
metric-bank-nim = marge nette d'intérêts de {$bank}
metric-bank-irregular-fee = frais d'incident de {$bank} à la fin
metric-bank-small-print-income = ce qu'ont rapporté les petites lignes de {$bank} (frais d'incident, agios)

## glassbank report : le rapport d'une classe
report-no-logs = aucun journal de partie (*.session.json) dans {$dir}
report-written = Écrits : {$files}
report-title = Rapport de la classe : {$scenario}
report-summary = {$tables ->
        [one] Une table
       *[other] {$tables} tables
    }, {$players} places ouvertes aux joueurs (certaines peut-être jouées par des robots), {$answers} réponses dans le journal des retours.
report-damaged = {$lines} lignes abîmées du journal des retours ont été laissées de côté.
report-tables = Les tables
report-table = Table {$table} ({$layer})
report-mean-of = Moyenne, {$layer}
report-months = Mois joués
report-players = Places ouvertes aux joueurs
report-learning = Ce que la classe a appris : le quiz avant et après
report-no-quiz = Ce scénario n'a pas de quiz.
report-treatment = Traitement
report-n-before = Répondu avant
report-before = Score avant
report-n-after = Répondu après
report-after = Score après
report-n-paired = Répondu aux deux
report-gain = Gain
report-change-d = Évolution, d [IC 95 %]
report-against-d = Gain face au premier traitement, d [IC 95 %]
report-effect-note = Un score est la part du quiz bien répondue (une question laissée de côté compte comme fausse). L'évolution est le gain rapporté à son propre écart-type (d_z) ; face au premier traitement, le d de Cohen des gains avec l'écart-type commun. Les essais d'éducation financière rapportent des effets de ce type (un cours fondé sur un jeu : +0,31 écart-type, Cannistrà et al. 2024). Avec peu de joueurs par traitement, les intervalles sont larges.
report-answers = Le questionnaire
report-mean = Moyenne
report-chart-legend = Le score moyen de chaque traitement : la barre pâle avant la partie, la foncée après.
report-percent = {$value} %
report-points = {$value} points
report-files = class.csv contient chaque observation (une ligne chacune) et codebook.csv explique ses colonnes.
report-codebook-column = colonne
report-codebook-meaning = signification
report-column-record = ce qu'est la ligne : outcome (un résultat de table, rejoué depuis son journal), answer (le questionnaire du débriefing) ou quiz
report-column-session = le code de la salle, commun à toutes les réponses d'une classe (vide pour les résultats)
report-column-scenario = l'identifiant du scénario
report-column-table = la table, à partir de 1
report-column-treatment = la couche sous laquelle la table a joué : opaque, disclosed ou glass
report-column-respondent = le joueur : pour le questionnaire, son ordre de réponse à sa table ; pour le quiz, le rang de sa place à la table (à partir de 1)
report-column-seat = la place jouée (client-3, retail-0...), jamais un nom ; elle relie les réponses d'un joueur au quiz avant et après
report-column-role = client, retail_banker, business_banker ou merchant
report-column-variable = le nom du résultat, l'identifiant de la question, ou quiz:ID pour une question du quiz
report-column-kind = number, likert, choice ou free_text
report-column-value = la valeur du résultat, ou la réponse (un point de l'échelle, l'option en index: texte, le texte écrit)
report-column-phase = pour une réponse au quiz : before (le premier mois) ou after (le débriefing)
report-column-correct = pour une réponse au quiz : true si c'est la bonne option
report-column-recorded_at = quand la réponse a été enregistrée, en UTC
