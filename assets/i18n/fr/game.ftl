# Glass Bank, français.
game-name = Glass Bank
game-tagline = Où va votre euro ?
game-pitch = Jouez un ménage, un banquier ou un commerçant dans une petite ville. Chaque paiement, taux et frais est montré avec la règle qui le fixe et la marge que chacun garde.
scenario-turns = { $turns ->
    [one] Un mois à jouer
   *[other] { $turns } mois à jouer
}
error-scenario = Ce scénario n'a pas pu être lu : { $error }

## Titre, choix du scénario, places
saved-games = Parties enregistrées sur cet ordinateur
saved-game = Reprendre { $scenario } après { $months } mois
play = Jouer
quit = Quitter
back = Retour
settings = Réglages
settings-key = Échap ouvre et ferme les réglages
choose-scenario = Choisir un scénario
choose-seats = Choisir les joueurs
objectives = Ce que vous allez apprendre
scenario-invalid = Ce fichier de scénario a des problèmes
no-scenarios = Aucun scénario trouvé.
seats-title = Qui joue quelle place ?
seats-humans = { $humans ->
    [0] Personne ne joue : les robots jouent toutes les places et vous regardez.
    [one] Un joueur.
   *[other] { $humans } joueurs se partagent cet ordinateur, chacun à son tour.
}
seats-others = Les autres ménages, commerces et banques sont joués par des robots.
player-human = Une personne
player-bot-fair = Robot : loyal
player-bot-greedy = Robot : avide
player-bot-cautious = Robot : prudent
player-bot-random = Robot : au hasard
start-game = Commencer la partie
role-client = Ménage
role-retail = Banquier de détail
role-business = Banquier des entreprises
role-merchant = Commerçant
role-retail-of = Banquier de détail chez { $bank }
role-business-of = Banquier des entreprises chez { $bank }
role-merchant-of = Commerçant : { $shop }

## Passage de main
month-of = Mois { $month } sur { $turns }
pass-to = Passez l'ordinateur à : { $seat }
pass-privacy = Les comptes et les choix du joueur précédent restent cachés jusqu'à ce que le suivant soit prêt.
ready = Je suis prêt

## L'écran du mois
tab-decide = Vos décisions
tab-news = Nouvelles
tab-market = Marché
tab-value-chain = Où va l'argent
tab-pricing = Comment les prix sont construits
tab-charts = Graphiques
tab-accounts = Mes comptes
tab-glossary = Glossaire
commit = J'ai fini pour ce mois
commit-key = Ctrl+Entrée marche aussi
bots-play = Les robots jouent toutes les places. Regardez ce qui se passe, mois après mois.
play-month = Jouer le mois
panel-mismatch = Cette place ne peut pas décider maintenant.
hidden = caché
hidden-why = Caché sous cette couche de transparence : les joueurs de cette place ne peuvent pas le voir.
layer-opaque = opaque
layer-disclosed = publiée
layer-glass = de verre
no-news = Rien de nouveau ce mois-ci.

## Décisions
client-money = Compte courant { $balance } · épargne { $savings } · salaire { $income } par mois
spending = Dépenses du mois, en part de votre budget habituel
spending-amount = environ { $amount } dans vos commerces
card-share = Part payée par carte
card-consequence = { $amount } par carte ; les commerçants en paient environ { $fees } en commissions
card-consequence-hidden = { $amount } par carte ; ce que les commerces en paient aux banques n'est pas affiché
ask-loan = Demander un prêt à ma banque
news-shop-closed = Un commerce de la ville a fermé : il n'a pas pu payer ses factures pendant trois mois. Sa banque a passé en perte les { $written_off } qu'il lui devait sur son compte, et son prêt, s'il en avait un, est en défaut ; ses clients vont ailleurs.
news-own-shop-closed = Votre commerce a fermé : il n'a pas pu payer ses factures pendant trois mois. Votre banque a perdu { $written_off } sur votre compte ; vos clients vont ailleurs.
news-bank-resolved = { $bank } a fait faillite : ses pertes ont absorbé ses fonds propres. Ses actionnaires ont tout perdu ; les déposants ont perdu { $bailed_in } au-delà des 100 000 € que couvre la garantie ; le fonds de garantie des dépôts a versé { $guaranteed } ; { $acquirer } a repris ses comptes et ses prêts.
news-bank-recapitalised = { $bank } a fait faillite : ses pertes ont absorbé ses fonds propres. Ses actionnaires ont tout perdu ; les déposants ont perdu { $bailed_in } au-delà des 100 000 € que couvre la garantie ; faute de banque saine pour la reprendre, le fonds de garantie des dépôts a versé { $guaranteed } pour la remettre au niveau de son exigence de fonds propres.
already-borrowing = Vous remboursez déjà un prêt.
buy-home = Acheter un logement ce mois-ci
home-offer = Un logement pour vous coûte { $price } : { $down } d'apport pris sur votre argent (votre compte courant d'abord, puis votre épargne), { $loan } prêtés sur { $years } ans, { $instalment } par mois, versés à votre banque au lieu d'un loyer.
home-refused = Votre banque refuserait : { $reason }.
loan-amount = Montant
loan-months = Mois
loan-rate-total = Taux : { $rate } par an
first-instalment = Première mensualité { $total }, dont { $interest } d'intérêts
switch-bank = Banque
stay = Je reste
stay-with = Rester chez { $bank }
bank-expected-cost = { $bank } : environ { $cost } de frais par mois
complain = Réclamer pour { $amount } de frais inattendus
leave-shop = Ne plus aller chez
keep-shops = Garder mes commerces
account-fee = Frais de tenue de compte (par mois)
debit-card-fee = Carte de débit (par mois)
credit-card-fee = Carte de crédit (par mois)
fee-revenue = × { $clients } clients = { $amount } par mois
fee-cap = La loi le plafonne à { $cap } par paiement
savings-spread = Vous gardez { $spread } du taux directeur sur l'épargne : { $amount } par mois
current-rate = Intérêts sur les comptes courants
max-months = Prêt le plus long (mois)
typical-consumer-rate = Le taux que paierait un ménage typique (2 % de risque de défaut par an) :
typical-business-rate = Le taux que paierait un commerce typique (2 % de risque de défaut par an) :
refund-complaints = Rembourser les réclamations sur les frais
disclose = Publier toute la grille tarifaire
terminal-fee = Location du terminal de paiement (par mois)
business-account-fee = Frais du compte professionnel (par mois)
merchant-fee-revenue = × { $merchants } commerces = { $amount } par mois
msc-per-100 = Sur 100 € de ventes par carte, le commerçant paie { $amount }
good = Article
unit-cost = Prix du fournisseur
shelf-price = Prix en rayon (TVA comprise)
accept-cards = Accepter les cartes
card-fees-last-month = Commissions carte chez votre banque : { $rate }, soit { $amount } sur les ventes par carte du mois dernier
bank-msc = { $bank } : commissions { $rate }, terminal { $terminal }

cases = En attente de votre décision
no-cases = Rien ne vous attend ce mois-ci.
case-loan = Prêt de { $amount } sur { $months } mois · risque de défaut { $pd } par an · taux { $rate } · première mensualité { $payment }
case-spare = Revenu après loyer et factures : { $spare } par mois (la politique en accorde un tiers aux prêts)
case-complaint = Un ménage réclame pour { $amount } de frais inattendus (confiance { $trust } / 1 000)
policy-lend = Votre politique prêterait.
policy-refuse = Votre politique refuserait : { $reason }.
policy-complaint = Votre politique décide si vous ne le faites pas.
approve = Prêter
refund = Rembourser
refuse = Refuser
follow-policy = Suivre ma politique
msc-total = Commissions carte : { $rate } au total ; composées de :
refusal-withdrawn = l'emprunteur a changé de banque avant
refusal-refusedbybanker = le banquier a dit non
save = Placer de l'argent en épargne (sous zéro : en retirer)
save-in = { $amount } placés en épargne ce mois-ci
save-out = { $amount } retirés de l'épargne ce mois-ci

rate-parts = Comment le taux est construit :
fee-split = Répartition des commissions carte

## Marché, prix, comptes
banks-results = Les banques
clients = Clients
merchants = Commerces
profit = Bénéfice
pricing-loan = Comment se construit un taux de prêt
pricing-loan-intro = Tout taux de prêt additionne cinq parts. Survolez une part pour voir ce qu'elle paie.
pricing-msc = Comment se construit la commission d'un paiement par carte
pricing-msc-intro = Un commerçant paie une commission sur chaque paiement par carte, partagée en trois.
current-account = Compte courant
savings = Épargne
income = Salaire
fixed-costs = Loyer et factures
spending-budget = Budget de courses
fees-paid = Frais bancaires du mois dernier
fees-expected-last = … ce que vous attendiez d'après les prix affichés
surprise-fees = Frais que vous n'attendiez pas
fees-expected-next = Frais attendus le mois prochain, d'après les prix affichés
trust = Confiance dans votre banque
loan-outstanding = Reste dû sur le prêt
loan-instalment = Mensualité
mortgage-outstanding = Reste dû sur le prêt immobilier
mortgage-instalment = Mensualité du prêt immobilier
past-due = Impayés, dus en plus
card-credit-outstanding = Dû sur la carte de crédit
not-offered = non proposé
fragile-client = Client en situation de fragilité financière
fragile-caps = frais d'incident plafonnés à { $per_payment } par opération, { $per_month } par mois
card-credit-least = Remboursement minimum de la carte ce mois-ci
reserves = Réserves à la banque centrale
consumer-loans = Prêts aux ménages
central-bank-borrowing = Emprunté à la banque centrale
mortgages = Prêts immobiliers
business-loans = Prêts aux commerces
loan-loss-allowance = Moins : pertes attendues sur prêts
deposits = Comptes courants
equity = Fonds propres
interest-income = Intérêts reçus
interest-expense = Intérêts versés
fee-income = Commissions reçues
operating-costs = Frais de fonctionnement
credit-losses = Coût du risque
missed-instalments = Échéances impayées, prêts en défaut
missed-and-defaults = { $missed } impayée(s), { $defaults } en défaut
profit-tax = Impôt sur le bénéfice
risk-weighted-assets = Actifs pondérés par les risques
cet1-ratio = Fonds propres (ratio CET1)
cet1-of-requirement = { $ratio } (au moins { $requirement } pour prêter)
refusal-inregister = l'emprunteur n'a pas remboursé un prêt depuis moins d'un an et figure au fichier des incidents
refusal-nocapital = les fonds propres de la banque tomberaient sous ce qu'exige son superviseur
business-account = Compte professionnel
rent = Loyer et personnel
sales = Ventes
cost-of-goods = Coût des marchandises
bank-fees = Frais bancaires
net-income = Ce qui reste

## Nouvelles
news-loan-granted = Votre prêt a été accordé.
news-loan-refused = Votre prêt a été refusé : { $reason }.
refusal-toorisky = la banque a jugé le risque trop élevé
refusal-unaffordable = les mensualités prendraient une trop grande part du revenu
refusal-alreadyborrowing = un prêt est déjà en cours
news-loan-defaulted = Un prêt n'est plus remboursé ; la banque a perdu { $loss }.
news-loan-repaid = Un prêt a été entièrement remboursé.
news-instalment-missed = Une échéance n'a pas pu être payée : { $missed } impayée(s) à ce jour. La troisième est un défaut.
news-hard-times = Coup dur : votre salaire s'arrête pendant un an (perte d'emploi, maladie). Il vous reste votre épargne et votre découvert.
news-misfortune = Une facture imprévue : { $bill } (un dégât des eaux, un vol, un client qui fait défaut).
news-complaint-refunded = Une réclamation a été remboursée : { $amount }.
news-complaint-refused = Une réclamation a été refusée ({ $amount }).
news-client-switched = Un ménage a changé de banque.
news-merchant-switched = Un commerce a changé de banque.
news-card-fraud = Une carte a été utilisée par des fraudeurs pour { $amount } ; la banque de la carte a remboursé.
no-cap = sans plafond
shock-policy-rate = La banque centrale fixe son taux directeur à { $rate }.
shock-interchange-cap = Le régulateur plafonne l'interchange : { $debit } sur les cartes de débit, { $credit } sur les cartes de crédit.
shock-fee-cap = Le régulateur plafonne les frais d'incident : { $payment } par paiement, { $month } par mois.
shock-recession = Récession : les salaires baissent de { $cut } pendant { $months } mois.
shock-fraud = Une vague de fraude à la carte pendant { $months } mois.
shock-layer = Désormais, la couche { $layer } s'applique.

## Chaîne de valeur
chain-last-payment = Le dernier paiement par carte
chain-whole-game = Tous les paiements par carte jusqu'ici
chain-your-100 = Où sont allés vos 100 € ?
chain-last-month = Le mois dernier
chain-payments = { $payments ->
    [one] Un paiement par carte
   *[other] { $payments } paiements par carte
}
chain-none-yet = Aucun paiement par carte pour l'instant : jouez d'abord un mois.
chain-hover = Survolez un flux pour voir qui reçoit l'argent, et selon quelle règle.
tables-bank-row = { $bank } : { $what }
chain-flow = { $who } : { $amount }
    { $why }
chain-in-words = Les flux en toutes lettres
stage-shoppers = Clients
stage-shops = Commerce
stage-card-fees = Commissions carte
stage-state = État (TVA)
stage-suppliers = Fournisseurs
stage-issuer = Banque du client
stage-scheme = Réseau de cartes
stage-acquirer = Banque du commerçant
stage-shop-keeps = Reste au commerçant

## Graphiques
charts-none-yet = Aucun mois joué pour l'instant.
chart-clients = Clients de chaque banque
chart-profit = Bénéfice de chaque banque, mois par mois (€)
chart-profit-hidden = Les bénéfices des autres banques sont cachés sous cette couche.
chart-trust = Confiance moyenne des ménages dans leur banque (sur 1 000)
chart-policy-rate = Taux directeur (%)

chart-own-bank = { $bank } : vos résultats, mois par mois (€)
chart-own-shop = { $shop } : vos résultats, mois par mois (€)
chart-nii = Produit net d'intérêts

## Bilan
debrief = Bilan
debrief-banks = Les résultats des banques
nii-share = Part des intérêts dans les revenus
roe = Rentabilité des fonds propres
debrief-shops = Les commerces ont vendu { $sales }, payé { $fees } de commissions carte et gardé { $income }.
debrief-households = Confiance des ménages dans leur banque à la fin : { $trust } sur 1 000.
new-game = Nouvelle partie

debrief-results = Résultats
debrief-money = Où est allé l'argent
debrief-hidden = Ce qui était caché
debrief-discussion = Discussion
debrief-questionnaire = Questionnaire
session-log-at = Journal de la partie (pour la rejouer) : { $path }
outcome-client = Fin de partie avec { $balance } sur le compte courant et { $savings } d'épargne ; confiance dans la banque { $trust } / 1 000.
outcome-bank = Bénéfice { $profit }, marge nette d'intérêt { $nim }, rentabilité des fonds propres { $roe }, { $clients } clients.
outcome-merchant = A gardé { $income } sur la partie, après avoir payé { $fees } de commissions carte.
debrief-products = La marge de chaque banque par produit
debrief-products-intro = Revenus moins coûts. L'argent qu'apportent les dépôts est valorisé au taux directeur ; l'argent qu'utilise chaque prêt lui est facturé au coût de la ressource auquel il a été tarifé (à sa signature pour un taux fixe, celui d'aujourd'hui pour un taux variable). La trésorerie garde les réserves et ce que coûtent ou rapportent les anciens prêts à taux fixe maintenant que les taux ont bougé. Les frais de fonctionnement sont répartis : la tenue des comptes aux comptes courants, le reste au prorata de ce que chaque produit a rapporté (ses revenus, et la valeur de l'argent qu'apportent les dépôts). Les colonnes s'additionnent pour donner le bénéfice. Entre parenthèses, pour les prêts : la rentabilité annuelle des fonds propres qu'ils mobilisent (les fonds propres de la banque répartis au prorata des prêts pondérés par les risques de chaque produit) ; les actionnaires en demandent environ 10 %.
product-current_account = Comptes courants
product-savings = Épargne
product-card_issuing = Cartes
product-acquiring = Encaissement des cartes
product-consumer_loan = Prêts aux ménages
product-mortgage = Prêts immobiliers
product-revolving_credit = Crédit renouvelable
product-business_loan = Prêts aux commerces
product-none = Impôt sur le bénéfice
product-reserves = Trésorerie (réserves)
debrief-hidden-intro = Ce que chaque joueur ne pouvait pas voir sous la couche de transparence, et ce qui était vrai.
debrief-no-players = Personne n'a joué : les robots tenaient toutes les places.
nothing-hidden = Rien n'était caché à cette place.
secret-what = Quoi
secret-you-saw = Vous avez vu
secret-truth = La vérité
secret-irregular = { $bank } : frais pour un paiement sans provision
secret-overdraft = { $bank } : taux de découvert
secret-loan-margin = { $bank } : marge dans le taux de prêt
secret-profit = { $bank } : bénéfice
secret-nim = { $bank } : marge nette d'intérêt
secret-card-fee = { $bank } : commission carte des commerces (débit)
secret-own-rate = Comment votre taux de prêt était construit
secret-rate-parts = ressource { $funds } + gestion { $cost } + perte attendue { $loss } + fonds propres { $capital } + marge { $margin }
secret-own-card-fees = Comment vos commissions carte se répartissaient le mois dernier
secret-game-card-fees = Comment les commissions carte de la partie se répartissaient
secret-fee-split = interchange { $interchange }, réseau { $scheme }, banque du commerçant { $acquirer }
no-discussion = Ce scénario n'a pas de questions de discussion.
respondent = Joueur { $n }
consent-what = Si vous êtes d'accord, vos réponses aux questions ci-dessous sont enregistrées avec le nom du scénario, le rôle que vous avez joué et l'heure, pour aider l'animateur à améliorer l'atelier.
consent-anonymous = Rien d'autre n'est enregistré : aucun nom. Les réponses de cette partie partagent un numéro tiré au hasard, rien de plus.
consent-yes = J'accepte, enregistrez mes réponses
consent-no = Non merci
consent-declined = Rien ne sera enregistré pour ce joueur.
likert-low = pas d'accord
likert-high = d'accord
save-answers = Enregistrer mes réponses
answers-saved = Merci : vos réponses sont enregistrées.
quiz-before = Avant de commencer : quelques questions
quiz-after = Les mêmes questions, maintenant que vous avez joué
quiz-why = Ce n'est pas une note pour vous : vos réponses, avant et après la partie, montrent à l'animateur ce que le jeu a appris à la classe.
quiz-consent = J'accepte que mes réponses soient gardées, avec la place que j'ai jouée (jamais mon nom)
quiz-send = Envoyer mes réponses
quiz-skip = Passer le quiz
save-failed = Vos réponses n'ont pas pu être enregistrées : { $error }
save-elsewhere = Les enregistrer plutôt dans ce fichier :
save-there = Enregistrer ici
next-respondent = Joueur suivant
export-answers = Exporter les réponses de cette partie (CSV et JSON Lines)

console = Console de l'animateur
console-pause = Arrêt pour discussion
console-pause-on = Arrêt sur la question
console-resume = Reprendre la partie
console-run-bots = { $months ->
    [one] Les robots jouent un mois pour tous
   *[other] Les robots jouent { $months } mois pour tous
}
console-rewind = Revenir après ce mois
console-apply = Appliquer maintenant
console-upcoming = À venir dans le scénario :
console-month = mois
console-now = Maintenant
console-timer = Temps pour le mois de chaque joueur
time-left = reste { $time }
time-up = Le temps est écoulé
console-rate-now = Taux directeur actuel : { $rate }
paused-title = Arrêt pour discussion

## Réglages
language = Langue
language-en = English
language-fr = Français
ui-scale = Taille de l'interface
fullscreen = Plein écran
fullscreen-key = (F11)
ui-scale-keys = Ctrl et + ou - la changent aussi ; Ctrl+0 revient à 100 %
tutorials = Guides du premier mois
tutorials-first-month = Montrer le guide de chaque rôle la première fois qu'on le joue
close = Fermer

## Glossaire : chaque terme, puis son explication en mots simples.
term-interchange = interchange
glossary-interchange = La part de la commission d'un paiement par carte qui va à la banque du client, qui a émis la carte. L'UE la plafonne à 0,2 % pour les cartes de débit et 0,3 % pour les cartes de crédit.
term-msc = commission carte
glossary-msc = La commission commerçant : ce qu'un commerce paie sur chaque paiement par carte. Elle additionne l'interchange, les frais du réseau de cartes et la marge de la banque du commerçant.
term-scheme-fee = frais de réseau
glossary-scheme-fee = Ce que le réseau de cartes prend sur chaque paiement pour l'acheminer.
term-acquirer-margin = marge de l'acquéreur
glossary-acquirer-margin = Ce que la banque du commerçant garde sur chaque paiement par carte, en plus de l'interchange et des frais de réseau.
term-issuer = banque émettrice
glossary-issuer = La banque qui a donné la carte au client. Elle reçoit l'interchange.
term-acquirer = banque acquéreuse
glossary-acquirer = La banque du commerçant, qui encaisse pour lui les paiements par carte.
term-policy-rate = taux directeur
glossary-policy-rate = Le taux de la banque centrale. Les banques le reçoivent sur leurs réserves et le paient quand elles empruntent : c'est le coût de l'argent qu'elles prêtent.
term-cost-of-funds = coût de la ressource
glossary-cost-of-funds = Ce que la banque paie pour l'argent qu'elle prête : le taux directeur de la banque centrale.
term-operating-cost = coût de gestion
glossary-operating-cost = Ce que coûte à la banque le traitement du prêt : personnel, agences, informatique.
term-expected-loss = perte attendue
glossary-expected-loss = Ce que la banque s'attend à perdre en moyenne : la probabilité que l'emprunteur ne rembourse pas × la part du prêt qu'elle perdrait.
term-cost-of-capital = coût des fonds propres
glossary-cost-of-capital = Le rendement que veulent les actionnaires sur le capital que la loi oblige la banque à mobiliser pour ce prêt.
term-reserves = réserves
glossary-reserves = L'argent de la banque à la banque centrale. Chaque mois, les paiements que ses clients ont faits hors de la banque, ou reçus de l'extérieur, y sont réglés. 1 % de ses dépôts et de son épargne doit y rester et ne rapporte rien ; le reste rapporte le taux directeur ; une banque à court de réserves les emprunte un quart de point plus cher.
term-cet1 = ratio CET1
glossary-cet1 = Les fonds propres de la banque (common equity tier 1) rapportés à ses actifs pondérés par les risques : les prêts aux ménages comptent pour 75 % de leur montant, les prêts immobiliers pour 35 %, les prêts aux commerces pour 85 %, les réserves pour rien, plus une charge pour le risque opérationnel. Sous l'exigence du superviseur (7 % ici : un minimum de 4,5 % et un coussin de 2,5 %), la banque ne peut plus prêter.
term-mortgage = prêt immobilier
glossary-mortgage = Un prêt sur le logement de l'emprunteur, remboursé par mensualités constantes pendant de nombreuses années. Son taux est fixe (la banque supporte la hausse de son propre coût de financement) ou variable (il suit le taux directeur, et le ménage supporte la hausse). Si l'emprunteur cesse de payer, le logement est vendu : la banque récupère la valeur du logement à la signature, moins 30 %, moins les frais de la vente (au moins un dixième de ce qui est dû), jamais plus que ce qui est dû ; le ménage garde l'éventuel surplus. La banque perd donc peu, et le superviseur demande moins de fonds propres pour la part du prêt qui ne dépasse pas 80 % de la valeur du logement.
term-deposit-guarantee = garantie des dépôts
glossary-deposit-guarantee = Quand les pertes d'une banque absorbent ses fonds propres, elle fait faillite. Ses actionnaires perdent tout ; chaque déposant garde jusqu'à 100 000 €, que couvre le fonds de garantie des dépôts (dans l'UE, les banques le financent ; ici, il est hors de la ville) ; ce qu'un déposant détient au-delà supporte la perte en premier. La banque ouverte au meilleur ratio de fonds propres qui peut porter les risques de la banque défaillante tout en respectant son exigence reprend ses comptes et ses prêts ; s'il n'y en a pas, le fonds remet la banque au niveau de son exigence de fonds propres.
term-profit-tax = impôt sur le bénéfice
glossary-profit-tax = Un quart du bénéfice mensuel de la banque va à l'État, une fois déduites les pertes des mois précédents.
term-margin = marge
glossary-margin = Ce que la banque garde en plus de ses coûts : son choix commercial.
term-nim = marge nette d'intérêt
glossary-nim = Intérêts reçus moins intérêts versés, rapportés à ce que la banque prête et détient, par an. Environ 1,7 % pour les banques de l'UE en 2024.
term-overdraft = taux de découvert
glossary-overdraft = Les intérêts annuels facturés quand un compte courant passe sous zéro.
term-irregular-payment-fee = frais d'incident
glossary-irregular-payment-fee = Des frais facturés quand un paiement passe au-delà du découvert autorisé par la banque (un demi-mois de revenu ici). La loi française les plafonne.
term-savings-rate = taux d'épargne
term-card-credit-rate = taux du crédit renouvelable
glossary-card-credit-rate = Le taux annuel de ce que le titulaire d'une carte de crédit doit sur sa carte (crédit renouvelable). Un titulaire à découvert en fin de mois tire sur sa carte, jusqu'à un mois de revenu, et doit le rembourser en 36 mois au plus, 60 au-delà de 3 000 € (la règle française). Zéro : les cartes de crédit de la banque sont payées en totalité chaque mois. Le taux d'usure français pour ce crédit était d'environ 22 à 22,5 % par an en 2024.
glossary-savings-rate = Les intérêts annuels versés sur l'épargne. Ce que la banque ne reverse pas du taux directeur est sa marge sur les dépôts.
term-vat = TVA
glossary-vat = La taxe sur la valeur ajoutée, comprise dans les prix et versée à l'État.
term-markup = marge commerciale
glossary-markup = Ce que le commerçant ajoute au prix du fournisseur, avant TVA.
term-trust = confiance
glossary-trust = La confiance d'un ménage dans sa banque, sur 1 000. Les frais inattendus et les réclamations refusées la font baisser ; les ménages qui la perdent s'en vont.
term-layer = couche de transparence
glossary-layer = Ce que les joueurs peuvent voir. Opaque : seulement vos prix et vos comptes ; petites lignes cachées. Publiée : les règles de prix de toutes les banques. De verre : toutes les chaînes de valeur et les marges de chacun.
term-pd = probabilité de défaut
glossary-pd = La probabilité, par an, qu'un emprunteur cesse de rembourser, selon la notation de la banque. Ici, c'est la probabilité d'un coup dur (plus de salaire pendant un an, ou une grosse facture imprévue pour un commerce) : un emprunteur qui a de l'épargne tient bon, un autre ne paie plus ses échéances. Les banques refusent les emprunteurs au-dessus de leur limite.
term-cost-of-risk = coût du risque
glossary-cost-of-risk = Ce dont ont augmenté les pertes attendues sur prêts, plus les pertes qu'elles ne couvraient pas, rapporté aux prêts, par an. Environ 0,5 % pour les banques de l'UE en 2024.
term-loan-loss-allowance = dépréciations sur prêts
glossary-loan-loss-allowance = Ce que la banque met de côté sur son résultat pour les pertes qu'elle attend (IFRS 9) : un an de perte attendue sur un prêt remboursé normalement, toute sa durée dès qu'une échéance est impayée. Un prêt est en défaut à la troisième échéance impayée de suite ; les dépréciations couvrent la perte d'abord.

## Workshop: console and two tables
console-to-players = Écran des joueurs (F2)
console-to-projector = Projecteur (F3)
console-table = La table
console-finished = La partie est finie : le débriefing est ouvert.
console-no-humans = Les robots tiennent toutes les places.
console-deciding = décide encore
console-done = a fini
console-play-now = Jouer le mois maintenant
console-play-now-why = Joue le mois avec ce que les joueurs qui décident encore ont choisi jusqu'ici.
console-message = Un message pour la salle
console-message-hint = Il paraît dans les nouvelles du mois.
console-send = Envoyer
console-second-table = Seconde table pour le débriefing
console-second-table-why = Le débriefing montre cette partie à côté de la même, jouée sous cette couche.
console-interchange-cap = Plafond d'interchange
console-fee-cap = Plafond de chaque frais d'incident
console-lift = Lever
card-debit = cartes de débit
card-credit = cartes de crédit
facilitator-mode = Mode animateur
facilitator-mode-keys = F2 : console, F3 : projecteur
debrief-tables = Deux tables
debrief-lessons = Sur de nombreuses parties
tables-title = Deux tables : la même partie sous deux couches
tables-why = Même scénario, même graine, mêmes décisions des joueurs. Seule la couche change : chaque place qu'aucun joueur n'a prise est jouée par un robot qui décide d'après ce que cette place voit sous cette couche.
tables-second-layer = Seconde table sous :
tables-failed = La seconde table n'a pas pu être jouée : { $reason }
tables-this =
    Cette table
    ({ $layers })
tables-other =
    Seconde table
    ({ $layers })
tables-difference = Écart
tables-fee-income = commissions
tables-fees-paid = Frais payés par les ménages
tables-surprise-fees = … dont au-delà de ce qu'ils attendaient
tables-complaints = Réclamations
tables-switched = Ménages qui ont changé de banque
tables-trust = Confiance dans leur banque à la fin (sur 1 000)
tables-household-money = Argent des ménages à la fin
tables-card-fees = Commissions carte payées par les commerces
tables-shops-cards = Commerces qui prennent la carte à la fin

## The browser
download-answers = Les télécharger dans un fichier
download-session-log = Télécharger le journal de la partie
open-scenario-file = Ouvrir un fichier de scénario…

## L'écran du glossaire (F1)
glossary-title = Glossaire
glossary-key = Tous les termes du jeu, expliqués (F1)
glossary-search = Chercher :
glossary-nothing = Aucun terme ne correspond.

## Le guide du premier mois, quelques pages pour chaque rôle.
guide-title = { $role } : votre premier mois ({ $page }/{ $pages })
guide-next = Suite (Entrée)
guide-done = À vous de jouer (Entrée)
guide-back = Retour
guide-skip = Passer le guide
guide-skip-key = Échap le passe aussi
guide-never = Ne plus montrer les guides
guide-client-1 = Vous êtes un ménage. Dans vos décisions (à gauche, ou le premier onglet sur un petit écran), vous décidez de votre mois : combien vous dépensez et comment (carte ou espèces), combien vous mettez de côté, si vous demandez un prêt, changez de banque, faites une réclamation ou cessez d'acheter dans un commerce. Chaque réglage indique ce qu'il coûtera avant que vous validiez.
guide-client-2 = Votre banque vit de vos frais de tenue de compte, de carte, d'incidents et des intérêts des prêts. Selon le niveau de transparence de la partie, certains vous sont cachés : le jeu écrit alors « caché », jamais zéro.
guide-client-3 = À droite : les nouvelles du mois, le marché (ce que propose chaque banque), où va l'argent (qui reçoit chaque euro de vos paiements par carte), comment les prix sont construits, des graphiques et vos comptes. Les mots soulignés s'expliquent quand on les survole ; F1 ouvre le glossaire.
guide-client-4 = Quand vous avez fini, appuyez sur « J'ai fini pour ce mois » ou Ctrl+Entrée. Si d'autres jouent, l'ordinateur passe alors au joueur suivant. Tab passe d'un réglage à l'autre et les flèches déplacent un curseur.
guide-retail-1 = Vous dirigez la banque de détail : comptes courants, épargne, cartes et crédits à la consommation des ménages. Dans vos décisions (à gauche, ou le premier onglet sur un petit écran), vous fixez vos frais, ce que vous versez sur l'épargne et la marge que vous prenez sur les prêts.
guide-retail-2 = Des dossiers vous attendent plus bas : demandes de prêt et réclamations. Acceptez ou refusez chacun, ou laissez décider la politique de votre banque. Un prêt non remboursé devient une perte.
guide-retail-3 = « Comment les prix sont construits » montre les cinq parts d'un taux de prêt : le coût de la ressource, les frais de gestion, la perte attendue, le coût du capital et votre marge. Le marché montre ce que proposent les autres banques ; les clients qui paient trop cher peuvent partir.
guide-retail-4 = Quand vous avez fini, appuyez sur « J'ai fini pour ce mois » ou Ctrl+Entrée. Tab passe d'un réglage à l'autre et les flèches déplacent un curseur ; F1 ouvre le glossaire.
guide-business-1 = Vous dirigez la banque des entreprises : comptes des commerces, terminaux de paiement et prêts. Dans vos décisions (à gauche, ou le premier onglet sur un petit écran), vous fixez la commission que les commerces paient sur chaque paiement par carte, la location du terminal et les frais du compte professionnel.
guide-business-2 = La commission de chaque paiement par carte se partage en trois : l'interchange pour la banque du client, les frais du réseau de cartes et votre marge. « Où va l'argent » le montre pour chaque 100 € payés.
guide-business-3 = Les demandes de prêt des commerces vous attendent plus bas : acceptez, refusez, ou laissez décider la politique de votre banque. Un commerce qui trouve vos frais trop élevés peut refuser la carte ou changer de banque.
guide-business-4 = Quand vous avez fini, appuyez sur « J'ai fini pour ce mois » ou Ctrl+Entrée. Tab passe d'un réglage à l'autre et les flèches déplacent un curseur ; F1 ouvre le glossaire.
guide-merchant-1 = Vous tenez un commerce. Dans vos décisions (à gauche, ou le premier onglet sur un petit écran), vous fixez votre marge : elle fait vos prix en rayon à partir de ce que vous coûte la marchandise. Des prix plus hauts rapportent plus à chaque vente, mais les clients peuvent aller ailleurs.
guide-merchant-2 = Accepter la carte attire les clients sans espèces et vous coûte la commission sur chaque paiement, plus la location du terminal. Vous pouvez cesser d'accepter la carte, ou passer dans une autre banque.
guide-merchant-3 = « Où va l'argent » montre ce qui vous reste de chaque 100 € payés par un client, après la TVA, votre fournisseur et la commission carte. Vos comptes montrent vos ventes, vos coûts et votre bénéfice.
guide-merchant-4 = Quand vous avez fini, appuyez sur « J'ai fini pour ce mois » ou Ctrl+Entrée. Tab passe d'un réglage à l'autre et les flèches déplacent un curseur ; F1 ouvre le glossaire.

## Une place dans une salle en réseau (glassbank serve)
room-join-title = Rejoindre une salle
room-title = Rejoindre la salle d'un atelier
room-explain = L'animateur fait tourner la partie sur son ordinateur (glassbank serve) et affiche un code de salle ; jouez votre place d'ici.
room-address = L'adresse de la salle (affichée par l'animateur)
room-code = Code de la salle
room-join = Entrer
room-leave = Quitter la salle
room-connecting = Connexion à la salle {$room}…
room-waiting = En attente de la salle…
room-in = Salle {$room}
room-pick-seat = Choisissez votre place :
room-at-table = Vous jouez à la table {$table}.
room-no-seat = Toutes les places sont prises ; demandez à l'animateur.
room-waiting-others = C'est fait. En attente {$count ->
        [one] d'{$count} joueur
       *[other] de {$count} joueurs
    }…
room-over = Tous les mois ont été joués

## Ouvrir une salle en réseau depuis ce jeu
host-button = Ouvrir une salle en réseau…
host-button-why = Les joueurs rejoignent cette partie depuis leur propre navigateur ; cette fenêtre devient la console de l'animateur et le vidéoprojecteur.
host-title = Une salle en réseau pour « {$scenario} »
host-explain = Cet ordinateur fait tourner la partie ; les joueurs ouvrent l'adresse affichée (même Wi-Fi) sur leur ordinateur ou leur téléphone, tapent le code de la salle et choisissent une place. La salle est enregistrée au fil de l'eau : rouvrez-la pour reprendre où elle s'était arrêtée.
host-port = Port
host-players = Joueurs
host-players-why = Combien de personnes joueront : les places du scénario, et d'autres ménages jusqu'à ce nombre (0 : les places du scénario).
host-lan = Ouverte aux autres appareils de ce réseau (sinon à cet ordinateur seulement)
host-fresh = Repartir de zéro, même si la salle de ce scénario a été enregistrée
host-open = Ouvrir la salle
host-close = Fermer la salle
host-join-at = Rejoindre sur
host-bot = Robot
host-bot-why = Un robot joue cette place à partir de maintenant (un joueur parti).
host-free = Libérer
host-free-why = La place redevient libre : celui qui l'occupe est libéré et son lien ne marche plus (un inconnu l'a prise, ou un joueur doit changer de place).
host-to-console = Retour à la console (F3)

## Les leçons du bilan sur de nombreuses parties
lessons-heading = Ce que montrent les robots sur de nombreuses parties
lessons-intro = Les leçons du scénario : chaque variante jouée par des robots avec { $seeds } graines, la même ville, tout le reste égal par ailleurs. Votre table est une partie parmi d'autres.
lessons-playing = Partie { $done } sur { $of }…
lessons-failed-to-play = Les leçons n'ont pas pu être jouées : { $reason }
lesson-sentence = Sur { $games } parties jouées par des robots, { $metric } : de { $from } ({ $first }) à { $to } ({ $second }) en médiane, soit { $change }.
lesson-ranges = Huit parties sur dix : de { $first_low } à { $first_high } ({ $first }) ; de { $second_low } à { $second_high } ({ $second }).
lesson-verdict-holds = Plus que le hasard : les deux fourchettes ne se chevauchent pas.
lesson-verdict-luck = Les médianes vont dans ce sens, mais les fourchettes se chevauchent : le hasard pourrait l'expliquer.
lesson-verdict-wrong-way = Pas ce qu'attend le scénario : les médianes vont dans l'autre sens.
lessons-see-part = Les leçons du scénario sur de nombreuses parties de robots sont dans « Sur de nombreuses parties ».
lessons-none-here = Ce scénario n'énonce aucune leçon (voir docs/scenario-format.md, « lessons »).

## La tablette de l'animateur et le débriefing de la classe au vidéoprojecteur
tablet-title = La console de l'animateur
tablet-console = Console
tablet-projector = Vidéoprojecteur
tablet-report = Le rapport de la classe
tablet-tables = { $tables ->
    [one] Une table
   *[other] { $tables } tables
}, { $finished } terminées
tablet-pause-all = Arrêter toutes les tables
tablet-resume-all = Reprendre toutes les tables
tablet-play-all = Jouer le mois maintenant à toutes les tables
tablet-minutes = Temps pour chaque mois :
tablet-away = Un robot prend un siège resté vide après :
tablet-no-limit = sans limite
tablet-min = { $minutes } min
tablet-table = Table { $table }
tablet-finished = Tous les mois joués : débriefing
tablet-paused = arrêtée pour discussion
tablet-counts = { $deciding } décident, { $done } ont fini, { $bots } robots, { $away } déconnectés
tablet-pause = Arrêter la table { $table }
tablet-resume = Reprendre la table { $table }
tablet-play = Jouer le mois à la table { $table }
tablet-seats = Sièges
tablet-bot = Robot pour la table { $table }, { $seat }
host-facilitator-link = Tablette de l'animateur (gardez-la pour vous : elle contient le secret de la salle)
class-title = La classe : { $finished } sur { $tables } tables terminées
class-none-yet = Les chiffres des tables apparaissent ici à mesure que chaque table joue son dernier mois.
class-side-by-side = Les tables côte à côte
class-layer-mean = Couche { $layer } : moyenne de { $tables }
class-chains = Où est allé l'argent des cartes, vu par les ménages de chaque table
class-chains-why = La même chaîne de valeur sous deux couches : ce que les ménages de la table opaque ne pouvaient pas voir est masqué.
class-chain-of = Table { $table } ({ $layer })
class-lesson = { $metric } : { $second } contre { $first }, { $expect }
class-expect-lower = attendu plus bas
class-expect-higher = attendu plus haut
class-bots = Robots sur { $games } parties : de { $from } à { $to } ({ $change }) sur les médianes.
class-bots-not-yet = Les parties des robots pour cette leçon se jouent encore sur le serveur.
class-same-events = Toutes les tables de la classe ont joué ces événements : la classe ne peut pas être comparée sur eux.
class-not-both = Cette classe n'a pas encore de table terminée sous l'une des deux couches.
class-moved-as-expected = Cette classe : de { $from } à { $to } ({ $change }), comme le dit la leçon.
class-moved-otherwise = Cette classe : de { $from } à { $to } ({ $change }), pas comme le dit la leçon : quelques tables ne font pas beaucoup de parties. Pourquoi ?
