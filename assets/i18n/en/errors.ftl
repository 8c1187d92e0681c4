# Error messages: scenario files, session logs, storage and files, feedback.

## A message about a file: its path, then what is wrong.
error-in-file = {$path}: {$reason}

## Scenario files: a syntax error with its place, or every problem with the path of its field.
scenario-syntax =
    {$file}:{$line}:{$column}: {$reason}
    {$snippet}
scenario-problems = {$file}: {$count ->
        [one] {$count} problem
       *[other] {$count} problems
    }:{$problems}
scenario-problem = {$path}: {$reason}
scenario-at-least = must be >= {$min}, found {$found}
scenario-at-most = must be <= {$max}, found {$found}
scenario-positive = must be > 0, found {$found}
scenario-euros-limit = must be a number of at most {$limit} euros
scenario-min-above-max = min must not be above max, found {$min} > {$max}
scenario-empty = must not be empty
scenario-no-banks = a scenario needs at least one bank
scenario-too-many-banks = at most {$max} banks, found {$found}
scenario-too-many-merchants = at most {$max} merchants in all, found {$found}
scenario-too-many-households = at most {$max} households in all, found {$found}
scenario-id-taken = the id "{$id}" is already used by {$first}
scenario-id-generated = the id "{$id}" is also the name of a generated member
scenario-prefixes-overlap = "{$first}" and "{$second}" can name the same member; use distinct prefixes
scenario-product-twice = {$product} is listed twice (also products[{$first}])
scenario-no-bank-id = no bank with id "{$id}"
scenario-no-merchant-id = no merchant with id "{$id}"
scenario-no-client-id = no client with id "{$id}"
scenario-no-goods = a shop needs at least one good
scenario-event-turn-zero = must be >= 1 (events happen at the start of a turn)
scenario-event-after-end = turn {$turn} is after the last turn ({$last})
scenario-choice-options = a choice needs at least 2 options, found {$found}
scenario-quiz-long = a quiz asks at most {$max} questions, found {$found}
scenario-quiz-options = a quiz question needs 2 to {$max} options, found {$found}
scenario-quiz-answer = the correct answer is option {$answer} (from 0), but there are {$options} options
scenario-lesson-same-layer = a lesson compares two different layers
scenario-lesson-no-event = the timeline has no {$event} event to compare with and without
scenario-seat-twice = this seat is listed twice

## What the RON reader found wrong in a scenario file.
ron-eof = the file ends too early: a bracket or a parenthesis is not closed
ron-expected-array = expected an opening `[`
ron-expected-array-end = expected a closing `]`
ron-expected-boolean = expected true or false
ron-expected-comma = expected a comma
ron-expected-char = expected a character in single quotes
ron-expected-number = expected a number
ron-expected-integer = expected a whole number
ron-expected-option = expected an optional value
ron-expected-paren = expected an opening `(`
ron-expected-paren-for = expected an opening `(` for {$name}
ron-expected-paren-end = expected a closing `)`
ron-expected-map = expected an opening `{"{"}`
ron-expected-colon = expected a colon
ron-expected-map-end = expected a closing `{"}"}`
ron-other-struct-name = expected `{$expected}` here, found `{$found}`
ron-expected-unit = expected `()`
ron-expected-text = expected a text in double quotes
ron-expected-text-end = a text in double quotes is not closed
ron-expected-name = expected a name
ron-integer-out-of-bounds = this number is too large or too small for the field
ron-invalid-digit = the digit {$digit} cannot be in a base-{$base} number
ron-underscore = unexpected underscore in a number
ron-unclosed-comment = a comment opened with /* is not closed
ron-unexpected-char = unexpected character {$char}
ron-trailing = unexpected text after the end of the scenario
ron-not-utf8 = the file is not UTF-8 text
ron-too-deep = the file is nested too deeply
ron-invalid-value = expected {$expected}, found {$found}
ron-wrong-length = expected {$expected}, found {$count ->
        [one] one element
       *[other] {$count} elements
    }
ron-unknown-variant = unknown value `{$found}`{$where}; expected {$choices}
ron-unknown-field = unknown field `{$found}`{$where}; expected {$choices}
ron-missing-field = the field `{$field}` is missing{$where}
ron-duplicate-field = the field `{$field}` is given twice{$where}
ron-in = {" "}in `{$outer}`
ron-choices-none = nothing here
ron-choices-one = `{$name}`
ron-choices-many = {$list} or `{$last}`
ron-kind-integer = a whole number
ron-kind-number = a number
ron-kind-text = a text in double quotes
ron-kind-boolean = true or false
ron-kind-list = a list in `[ ]`
ron-kind-char = a character
ron-kind-struct = a {$name} in `( )`
ron-kind-other = {$detail}
ron-found-boolean = {$value}
ron-found-integer = the whole number {$value}
ron-found-number = the number {$value}
ron-found-char = the character {$value}
ron-found-text = the text {$value}
ron-found-unit = `()`
ron-found-option = an optional value
ron-found-list = a list
ron-found-map = a map
ron-other = the file cannot be read: {$detail}

## Session logs and the game being played.
log-not-json = not a Glass Bank session log (not JSON, line {$line}, column {$column})
log-foreign = not a Glass Bank session log (it is "{$format}")
log-no-format = not a Glass Bank session log (no "format" field)
log-newer = this session log was written by a newer Glass Bank (format version {$version}); this one reads version {$reads}
log-older = this session log is in an old format (version {$version}); this Glass Bank reads version {$reads}
log-no-version = the session log has no version
log-damaged = the session log is damaged: {$detail}
log-scenario-hash = the scenario inside the session log does not match its hash
log-scenario = the scenario inside the session log: {$reason}
log-jumps = the log jumps to turn {$turn} where turn {$expected} was expected
log-differs = the replay differs from the log at turn {$turn} (books {$books}, log {$logged})
session-no-seat = no such seat in this scenario: {$seat}
session-not-human = {$seat} is not a human seat
session-words-too-long = the facilitator's words are {$found} characters long; a table takes {$max} at most
session-over = the game is over
session-wrong-draft = {$seat}: a draft of the wrong kind
session-not-played-yet = month {$month} has not been played yet (the game is at month {$now})
session-paused = the table is stopped for discussion
session-no-question = the scenario has no discussion question {$number}
session-in-month = month {$month}: {$reason}

## Refusals of the simulation (its details are for developers).
error-sim-config = invalid economy: {$detail}
error-sim-decision = invalid decision: {$detail}
error-sim-out-of-bounds = invalid decision ({$who}): {$reason}
decision-out-of-bounds = {$field}: between {$min} and {$max}, not {$found}
session-overflow-refused = The books could not carry the decisions of {$who} this month (an amount too large to hold): last month's settings were kept.
error-sim-ledger = the books refused a posting: {$detail}
error-sim-overflow = an amount of money overflowed
error-sim-stopped = the economy stopped after an earlier error

## Files on the desktop, storage in the browser.
io-file = {$path}: {$reason}
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-not-a-folder = a part of the path is a file, not a folder
io-is-a-folder = it is a folder, not a file
io-not-text = it is not UTF-8 text
io-other = {$detail}
web-no-window = the game is not running in a browser window
web-no-storage = this browser does not let the game keep anything
web-storage-full = the browser's storage for this page is full; download what you need, then free some space
web-storage-refused = the browser refused to store it ({$name})
web-not-kept = not kept in this browser
web-download-no-page = {$name}: could not reach the page
web-download-no-file = {$name}: could not make the file
web-download-no-link = {$name}: could not make the link
web-page-blocked = The browser did not open a new tab: allow this page to open pop-ups, then press again.
page-not-opened = No browser opened the page: {$reason}

## The networked workshop: what the room says when it refuses a message.
roster-bad-label = line {$line} of the roster: a label is at most {$max} characters, without control characters
roster-twice = line {$line} of the roster: "{$label}" is listed twice
roster-too-long = a roster lists at most {$max} participants
roster-empty = the roster lists nobody (one label a line, the first column of a CSV)
net-too-large = the message is too large ({$size} bytes; at most {$max})
net-malformed = this is not a message the room understands ({$detail})
net-not-connected = this connection is closed
net-join-first = join the room first
net-already-seated = you already have a seat
net-not-a-seat = this seat is not played by a person in this game
net-seat-taken = this seat is taken; ask the facilitator
net-quiz-not-due = the quiz is not open for this seat now (it is asked before the first month and after the debrief, once)
net-tables = a room has 1 to {$max} tables, not {$found}
net-no-table = there is no table {$table}: the room has {$tables}
net-which-table = say which table: this seat is at every table
net-table-refused = table {$table}: {$reason}
net-seat-elsewhere = your seat is now played from another page or device; this page stops here
net-seat-freed = the facilitator freed this seat; join again to take a free one
net-wrong-draft = this decision is not for your seat
net-not-your-case = this case is not waiting for you
net-protocol = this page speaks version {$theirs} of the room's protocol and the room speaks version {$ours}: reload the page
net-no-room = there is no room "{$room}" here; check the code
net-too-many-codes = too many wrong room codes from this machine; wait a minute and check the code on the projector
net-bad-token = this seat's key is unknown here; pick a seat again
net-no-seat = pick a seat first
net-already-done = you are done for this month; wait for the others
net-too-fast = too many messages at once; wait a moment
net-not-finished = the questionnaire opens once every month has been played
net-bot-plays = a bot plays this seat now; ask the facilitator
net-not-facilitator = only the facilitator can do this
net-no-question = there is no question "{$id}" in this game's questionnaire
net-bad-answer = the answer to "{$id}" is not one the question takes
