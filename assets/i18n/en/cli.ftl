# Messages of the command line (glassbank simulate, check, replay): usage, progress, summaries.

cli-usage =
    usage:
      glassbank [SCENARIO.ron] [--lang en|fr] [--scale N] [--facilitator] [--screenshot FILE.png | --tour DIR]
          play (the shipped scenarios, and SCENARIO first if given); --facilitator starts in
          facilitator mode (F2 console, F3 projector); --screenshot saves the first screen and
          quits, --tour saves one PNG per screen in DIR and quits
      glassbank simulate [SCENARIO.ron] [--seed N] [--turns N] [--seat ROLE[:ACTOR]=bot:STRATEGY]...
        {"                     "}[--out DIR] [--seeds FIRST..LAST] [--quiet]
          run with bots only; print a summary; with --out, write report.json and CSV time series;
          with --seeds, play every seed from FIRST to LAST and print the spread of the outcomes
          roles: client, retail_banker, business_banker, merchant; strategies: fair, greedy,
          cautious, random
      glassbank check SCENARIO.ron... [--lessons [--seeds FIRST..LAST]]
          read and check scenario files, reporting every problem; with --lessons, play each
          scenario's lessons with bots over the seeds (1..20 by default) and say whether each holds
      glassbank replay SESSION.json [--turns N]
          replay a saved game from its session log, checking the books after every month, and
          print the summary (after month N with --turns)
      glassbank report DIR [--out DIR] [--room-code CODE]
          a class's report from the session logs (*.session.json) and feedback logs (*.jsonl)
          in DIR: report.html (each table's outcomes, the questionnaire and the quiz by
          treatment, with effect sizes), class.csv (every observation) and codebook.csv;
          --room-code keeps only the answers given in that room (not a rehearsal's)
      glassbank serve [SCENARIO.ron] [--port N] [--bind ADDRESS] [--players N] [--minutes N] [--seed N]
        {"                "}[--tables N | --table-size N] [--treatments LAYER,LAYER] [--away N]
        {"                "}[--roster FILE.csv] [--seeds A..B] [--web DIR] [--room FILE] [--new]
          open a networked workshop: players join from their browsers (the web build in DIR,
          web/dist by default) with the room's code; --players opens more seats than the
          scenario's, --minutes limits each month; a class plays at several tables, each its own
          economy (--tables N, or --table-size N with --players), newcomers placed at the
          emptiest; --treatments gives the tables layers (opaque, disclosed, glass) evenly, in a
          random order drawn from --seed; --away N lets a bot play a seat empty for N minutes;
          --roster lists the participants (one label a line, a CSV's first column): each gets a
          personal link, written to ROOM.links.csv, that places them at a table drawn evenly
          and gets their seat back on any device; for the class debrief, bots play the scenario's lessons on seeds 1..100 (--seeds)
          while the class plays; the room is kept in FILE and resumed after a restart (--new
          starts afresh), each table's log beside it; type help for the facilitator's commands
      --lang chooses the language of the messages; without it, LC_ALL, LC_MESSAGES or LANG do.

## Arguments
cli-error = glassbank: {$reason}
cli-needs-number = {$flag} needs a number
cli-needs-layers = {$flag} needs layers separated by commas, e.g. opaque,glass
cli-not-a-layer = "{$value}" is not a layer: opaque, disclosed or glass
cli-not-a-number = {$flag} {$value}: not a number in range
cli-needs-file = {$flag} needs a file
cli-needs-folder = {$flag} needs a folder
cli-lang-needed = --lang needs en or fr
cli-lang-unknown = unknown language {$lang}: use en or fr
cli-turns-zero = --turns must be at least 1
cli-seat-needed = --seat needs ROLE[:ACTOR]=bot:STRATEGY
cli-seeds-needed = --seeds needs FIRST..LAST
cli-room-code-needed = --room-code needs the room's code, as the server printed it (letters and digits)
cli-unknown-option = unknown option {$option}
cli-unexpected-argument = unexpected argument {$argument}
cli-game-only = --screenshot and --tour go with the game, not with a command
cli-replay-arguments = replay takes a session log and, at most, --turns
cli-report-arguments = report takes a folder of session and feedback logs and, at most, --out
cli-simulate-only = --seed, --turns, --seat, --out and --seeds go with `simulate`
cli-needs-address = {$flag} needs an address, e.g. 0.0.0.0 (every network) or 127.0.0.1 (this machine only)
cli-not-an-address = --bind {$value}: not an IP address (e.g. 0.0.0.0 or 192.168.1.10)
cli-serve-only = --port, --bind, --players, --minutes, --web, --room and --new go with `serve`
cli-serve-arguments = serve takes a scenario and --seed, --seeds, --roster, --port, --bind, --players, --tables, --table-size, --treatments, --minutes, --away, --web, --room, --new
cli-no-serve = this build cannot open a networked room (built without the "serve" feature)
cli-seed-and-seeds = --seed and --seeds cannot go together
cli-check-needs-file = check needs at least one scenario file
cli-lessons-only = --lessons goes with `check`
cli-replay-needs-log = replay needs a session log
cli-seat-form = --seat {$seat}: expected ROLE[:ACTOR]=bot:STRATEGY
cli-seat-role = --seat {$seat}: unknown role "{$role}" (client, retail_banker, business_banker, merchant)
cli-seat-strategy = --seat {$seat}: expected bot:fair, bot:greedy, bot:cautious or bot:random after =
cli-seat-no-bank = --seat: no bank with id "{$id}"
cli-seat-no-merchant = --seat: no merchant with id "{$id}"
cli-seat-no-client = --seat: no client with id "{$id}"
cli-seeds-form = --seeds {$seeds}: expected FIRST..LAST, e.g. 1..100
cli-seeds-too-many = --seeds {$seeds}: at most {$max} seeds
cli-no-display = no display to open the game's window on (DISPLAY is not set): play it on a desktop, or under `xvfb-run -a glassbank`; without a window, `glassbank simulate` plays a scenario and `glassbank serve` opens a workshop room
cli-no-game = this build has no game window (built without the "game" feature); try `glassbank simulate`

## Runs
cli-progress-month = month {$done}/{$of}
cli-progress-seed = seed {$done}/{$of}
cli-progress-games = game {$done}/{$of}
cli-in-month = month {$month}: {$reason}
cli-with-seed = seed {$seed}: {$reason}
cli-run-title = {$title} (seed {$seed})
cli-wrote = wrote {$path}
cli-wrote-report = wrote report.json, banks.csv, products.csv, merchants.csv, households.csv in {$folder}
cli-replayed = {$path}: {$months ->
        [one] {$months} month replayed
       *[other] {$months} months replayed
    }, books identical to the log
cli-check-ok = {$path}: ok (turns: {$turns}, banks: {$banks}, merchants: {$merchants}, households: {$households}, events: {$events})
cli-strategy-fair = fair
cli-strategy-greedy = greedy
cli-strategy-cautious = cautious
cli-strategy-random = random

## The summary of a game
summary-turns = turns played: {$turns}
summary-postings = postings: {$postings}
summary-balanced = books balanced: yes
summary-unbalanced = books balanced: NO
summary-bank = {$name} ({$retail} retail, {$business} business)
summary-bank-clients = clients {$clients} (won {$won}, lost {$lost}), merchants {$merchants}
summary-bank-sheet = balance sheet: reserves {$reserves} consumer loans {$consumer_loans} home loans {$mortgages} business loans {$business_loans} less allowance for losses {$allowance} overdrafts {$overdrafts} | deposits {$deposits} savings {$savings} equity {$equity}
summary-bank-pnl = P&L: interest income {$interest_income} interest expense {$interest_expense} NII {$nii} fees {$fees} operating costs {$operating_costs} cost of risk {$credit_losses} tax {$tax} net profit {$net_profit}
summary-bank-ratios = NIM {$nim} | NII share {$nii_share} | cost of risk {$cost_of_risk} | cost/income {$cost_income} | RoE {$roe} | CET1 {$cet1} | loans/deposits {$loans_to_deposits} | cash/assets {$cash_to_assets}
summary-merchants = merchants: {$count} | sales {$sales} | card fees {$card_fees} | net income {$net_income}
summary-households = households: {$count} | average trust {$trust} | switched bank {$switched} | complaints {$complaints} | surprise fees {$surprise_fees} | overdrawn now {$overdrawn}

## Seed sweeps
sweep-seeds = {$count ->
        [one] {$count} seed
       *[other] {$count} seeds
    }
sweep-outcome = outcome
sweep-min = min
sweep-p10 = p10
sweep-median = median
sweep-p90 = p90
sweep-max = max
sweep-bank-net-profit = bank {$bank}: net profit (EUR)
sweep-bank-nim = bank {$bank}: NIM (%)
sweep-bank-nii-share = bank {$bank}: NII share (%)
sweep-bank-cost-of-risk = bank {$bank}: cost of risk (%)
sweep-bank-roe = bank {$bank}: RoE (%)
sweep-bank-clients = bank {$bank}: clients
sweep-shops-net-income = shops: net income (EUR)
sweep-shops-card-fees = shops: card fees (EUR)
sweep-households-switched = households: switched bank
sweep-households-fees = households: fees paid (EUR)
sweep-households-trust = households: average trust

## glassbank serve: the networked workshop's room
serve-cannot-listen = cannot listen on {$address}: {$reason}
serve-opened = Room {$room} is open: {$seats ->
        [one] {$seats} seat
       *[other] {$seats} seats
    } for players, month {$month}.
serve-resumed = Room {$room} resumed from its file at month {$month} ({$seats ->
        [one] {$seats} seat
       *[other] {$seats} seats
    }); the players' pages find their seats again.
serve-join = Players open {$url} (or scan the code) and pick a seat.
serve-roster = {$count} personal links, each with its participant's label and table, in {$path}: hand each person theirs (it gets their seat back on any device).
serve-facilitator = The facilitator's tablet (keep this link to yourself: it holds the room's secret): {$url}
serve-files = The room is kept in {$room}; debrief answers go to {$feedback}.
serve-no-web = No web build in {$path}: players' browsers will get nothing. Build it with `bash web/build.sh`.
serve-help = Commands: status | pause [N or question] | resume | say MESSAGE (in the month's news) | next (play the month now) | bots N (bots play N months for everyone) | rewind MONTH | reveal opaque|disclosed|glass | bot SEAT (a bot plays it) | free SEAT (its player is let go, its link stops working) | minutes N (time per month, 0: none) | away N (a bot plays a seat empty for N minutes, 0: never) | quit. Put @T first for table T only (@2 pause).
serve-questions = Discussion questions (pause N stops on question N):
serve-status-table = Table {$table}{$treatment}: {$month} {$deciding} deciding, {$done} done, {$away} away or free, {$bots} played by bots
serve-tables = {$tables} tables, each its own economy from the same town and seed{$treatments}.
serve-treatments = ; treatments drawn from seed {$seed}: {$list}
serve-needs-number = {$command} needs a number
serve-needs-layer = reveal needs opaque, disclosed or glass
serve-no-such-seat = no seat "{$seat}" (write it as on the list, e.g. retail_banker:a)
serve-unknown-command = unknown command "{$command}"; type help
serve-status-month = Month {$month}/{$turns}:
serve-status-paused = Month {$month}/{$turns}, stopped for discussion (resume to go on):
serve-status-over = All {$turns} months played: the debrief.
serve-seat-free = free
serve-seat-away = disconnected
serve-seat-deciding = deciding
serve-seat-done = done
serve-seat-bot = played by a bot
serve-not-saved = The room's file is not written ({$reason}); trying again every second.

## Lessons: `check --lessons` and the debrief
lessons-title = Lessons of “{$scenario}”, each variant played by bots with {$seeds ->
    [one] one seed
   *[other] {$seeds} seeds
    } (p10 / median / p90)
lesson-expect-lower = {$metric}: {$second} against {$first}, expected lower
lesson-expect-higher = {$metric}: {$second} against {$first}, expected higher
lesson-spread = {$variant}: {$p10} / {$median} / {$p90}
lesson-holds = holds: {$change} on the medians, and the p10-p90 ranges do not overlap
lesson-overlaps = does not hold: {$change} on the medians, as expected, but the p10-p90 ranges overlap (luck could explain it)
lesson-wrong-way = does not hold: {$change} on the medians, the other way
lesson-without = without {$event}
lesson-with = with {$event}
lesson-event-policy-rate = the policy rate change
lesson-event-interchange-cap = the interchange cap
lesson-event-fee-cap = the fee cap
lesson-event-recession = the recession
lesson-event-fraud-wave = the fraud wave
lessons-none = {$path}: no lessons to check (add `lessons: [...]`, see docs/scenario-format.md)
lessons-failed = {$count ->
    [one] one lesson does not hold
   *[other] {$count} lessons do not hold
    }
metric-households-fees-paid = households' fees paid
metric-households-surprise-fees = households' surprise fees
metric-households-interest = households' interest on savings
metric-households-savings-yield = the yearly rate households were paid on their money
metric-households-switched = households who changed bank
metric-households-complaints = households' complaints
metric-households-trust = households' trust in their bank
metric-merchants-card-fees = shops' card fees
metric-merchants-switched = shops that changed bank
metric-merchants-accepting-cards = shops taking cards
metric-merchants-net-income = shops' net income
metric-banks-fee-income = banks' fee income
metric-bank-clients = {$bank}'s households
metric-bank-merchants = {$bank}'s shops
metric-bank-profit = {$bank}'s profit
metric-bank-fee-income = {$bank}'s fee income
metric-bank-nim = {$bank}'s net interest margin
metric-bank-irregular-fee = {$bank}'s irregular-payment fee at the end
metric-bank-small-print-income = what {$bank}'s small print earned (irregular-payment fees, overdraft interest)

## glassbank report: a class's report
report-no-logs = no session log (*.session.json) in {$dir}
report-written = Written: {$files}
report-title = Class report: {$scenario}
report-summary = {$tables ->
        [one] One table
       *[other] {$tables} tables
    }, {$players} seats open to players (some perhaps played by bots), {$answers} answers in the feedback log.
report-damaged = {$lines} damaged lines of the feedback log were left out.
report-tables = The tables
report-table = Table {$table} ({$layer})
report-mean-of = Mean, {$layer}
report-months = Months played
report-players = Seats open to players
report-learning = What the class learnt: the quiz before and after
report-no-quiz = This scenario has no quiz.
report-treatment = Treatment
report-n-before = Answered before
report-before = Score before
report-n-after = Answered after
report-after = Score after
report-n-paired = Answered both
report-gain = Gain
report-change-d = Change, d [95% CI]
report-against-d = Gain against the first treatment, d [95% CI]
report-effect-note = A score is the share of the quiz answered right (a question left out counts as wrong). The change is the gain over its own standard deviation (d_z); against the first treatment, Cohen's d of the gains with the pooled standard deviation. Financial-education trials report effects of this kind (a game-based course: +0.31 standard deviations, Cannistrà et al. 2024). With a few players per treatment the intervals are wide.
report-answers = The questionnaire
report-mean = Mean
report-chart-legend = Each treatment's mean score: the pale bar before the game, the dark one after.
report-percent = {$value}%
report-points = {$value} points
report-files = class.csv holds every observation (a row each) and codebook.csv explains its columns.
report-codebook-column = column
report-codebook-meaning = meaning
report-column-record = what the row is: outcome (a table's result, replayed from its log), answer (the debrief questionnaire) or quiz
report-column-session = the room's code, shared by every answer of one class (empty for outcomes)
report-column-scenario = the scenario's id
report-column-table = the table, from 1
report-column-treatment = the layer the table was played under: opaque, disclosed or glass
report-column-respondent = the player: for the questionnaire, the order they answered in at their table; for the quiz, their seat's place at the table (from 1)
report-column-seat = the seat played (client-3, retail-0...), never a name; it pairs a player's quiz answers before and after
report-column-role = client, retail_banker, business_banker or merchant
report-column-variable = the outcome's name, the question's id, or quiz:ID for a quiz question
report-column-kind = number, likert, choice or free_text
report-column-value = the outcome's value, or the answer (a point of the scale, the option as index: text, the text written)
report-column-phase = for a quiz answer: before (the first month) or after (the debrief)
report-column-correct = for a quiz answer: true if it is the correct option
report-column-recorded_at = when the answer was recorded, in UTC
