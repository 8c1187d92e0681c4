# Glass Bank, English.
game-name = Glass Bank
game-tagline = Where does your euro go?
game-pitch = Play a household, a banker or a shopkeeper in a small town. Every payment, rate and fee is shown with the rule behind it and the margin each actor keeps.
scenario-turns = { $turns ->
    [one] One month to play
   *[other] { $turns } months to play
}
error-scenario = This scenario could not be read: { $error }

## Title, scenario choice, seats
saved-games = Games saved on this computer
saved-game = Resume { $scenario } after { $months } months
play = Play
quit = Quit
back = Back
settings = Settings
settings-key = Escape opens and closes the settings
choose-scenario = Choose a scenario
choose-seats = Choose the players
objectives = What you will learn
scenario-invalid = This scenario file has problems
no-scenarios = No scenario was found.
seats-title = Who plays which seat?
seats-humans = { $humans ->
    [0] Nobody plays: the bots play every seat and you watch.
    [one] One player.
   *[other] { $humans } players share this computer, each in turn (hot seat).
}
seats-others = Every other household, shop and bank is played by a bot.
player-human = A person
player-bot-fair = Bot: fair
player-bot-greedy = Bot: greedy
player-bot-cautious = Bot: cautious
player-bot-random = Bot: random
start-game = Start the game
role-client = Household
role-retail = Retail banker
role-business = Business banker
role-merchant = Shopkeeper
role-retail-of = Retail banker at { $bank }
role-business-of = Business banker at { $bank }
role-merchant-of = Shopkeeper: { $shop }

## Hand-over
month-of = Month { $month } of { $turns }
pass-to = Pass the computer to: { $seat }
pass-privacy = The previous player's accounts and choices are hidden until the next player is ready.
ready = I am ready

## The month's screen
tab-decide = Your decisions
tab-news = News
tab-market = Market
tab-value-chain = Where the money goes
tab-pricing = How prices are built
tab-charts = Charts
tab-accounts = My accounts
tab-glossary = Glossary
commit = Done for this month
commit-key = Ctrl+Enter also works
bots-play = Bots play every seat. Watch what happens month after month.
play-month = Play the month
panel-mismatch = This seat cannot decide now.
hidden = hidden
hidden-why = Hidden under this transparency layer: the players in this seat cannot see it.
layer-opaque = opaque
layer-disclosed = disclosed
layer-glass = glass
no-news = Nothing new this month.

## Decisions
client-money = Current account { $balance } · savings { $savings } · salary { $income } a month
spending = Spending this month, as a share of your usual budget
spending-amount = about { $amount } at your shops
card-share = Share paid by card
card-consequence = { $amount } by card; the shops pay about { $fees } of it in card fees
card-consequence-hidden = { $amount } by card; what the shops pay the banks on it is not shown
ask-loan = Ask my bank for a loan
news-shop-closed = A shop of the town closed: it could not pay its bills for three months. Its bank wrote off { $written_off } it owed on its account, and its loan, if it had one, defaulted; its customers shop elsewhere.
news-own-shop-closed = Your shop closed: it could not pay its bills for three months. Your bank lost { $written_off } on your account; your customers shop elsewhere.
news-bank-resolved = { $bank } failed: its losses used up its capital. Its shareholders lost everything; depositors lost { $bailed_in } above the €100,000 the guarantee covers; the deposit guarantee paid { $guaranteed }; { $acquirer } took over its accounts and loans.
news-bank-recapitalised = { $bank } failed: its losses used up its capital. Its shareholders lost everything; depositors lost { $bailed_in } above the €100,000 the guarantee covers; with no sound bank to take it over, the deposit guarantee paid { $guaranteed } to put it back at its capital requirement.
already-borrowing = You are already repaying a loan.
buy-home = Buy a home this month
home-offer = A home for you costs { $price }: { $down } down from your own money (your current account first, then your savings), { $loan } lent over { $years } years, { $instalment } a month, paid to your bank instead of rent.
home-refused = Your bank would refuse: { $reason }.
loan-amount = Amount
loan-months = Months
loan-rate-total = Rate: { $rate } a year
first-instalment = First monthly payment { $total }, of which { $interest } interest
switch-bank = Bank
stay = Stay where I am
stay-with = Stay with { $bank }
bank-expected-cost = { $bank }: about { $cost } a month in fees
complain = Complain about { $amount } of unexpected fees
leave-shop = Stop going to
keep-shops = Keep my shops
account-fee = Account fee (a month)
debit-card-fee = Debit card fee (a month)
credit-card-fee = Credit card fee (a month)
fee-revenue = × { $clients } clients = { $amount } a month
fee-cap = The law caps it at { $cap } a payment
savings-spread = You keep { $spread } of the policy rate on savings: { $amount } a month
current-rate = Interest on current accounts
max-months = Longest loan (months)
typical-consumer-rate = The rate a typical household (2% risk of default a year) would pay:
typical-business-rate = The rate a typical shop (2% risk of default a year) would pay:
refund-complaints = Refund complaints about fees
disclose = Publish the full fee schedule
terminal-fee = Card terminal rent (a month)
business-account-fee = Business account fee (a month)
merchant-fee-revenue = × { $merchants } shops = { $amount } a month
msc-per-100 = On €100 of card sales, the shop pays { $amount }
good = Good
unit-cost = Cost from the supplier
shelf-price = Shelf price (VAT included)
accept-cards = Take cards
card-fees-last-month = Card fees at your bank: { $rate }, { $amount } on last month's card sales
bank-msc = { $bank }: card fees { $rate }, terminal { $terminal }

cases = Waiting for your decision
no-cases = Nothing waits for you this month.
case-loan = Loan of { $amount } over { $months } months · default risk { $pd } a year · rate { $rate } · first payment { $payment }
case-spare = Income after rent and bills: { $spare } a month (the policy allows a third for loans)
case-complaint = A household complains about { $amount } of fees it did not expect (trust { $trust } / 1,000)
policy-lend = Your policy would lend.
policy-refuse = Your policy would refuse: { $reason }.
policy-complaint = Your policy decides if you do not.
approve = Lend
refund = Refund
refuse = Refuse
follow-policy = Follow my policy
msc-total = Card fees: { $rate } in all; made of:
refusal-withdrawn = the borrower moved to another bank first
refusal-refusedbybanker = the banker said no
save = Move money to savings (below zero: take it out)
save-in = { $amount } into savings this month
save-out = { $amount } out of savings this month

rate-parts = How the rate is built:
fee-split = Split of the card fees

## Market, pricing, accounts
banks-results = The banks
clients = Clients
merchants = Shops
profit = Profit
pricing-loan = How a loan rate is built
pricing-loan-intro = Every loan rate adds up five parts. Hover over a part to see what it pays for.
pricing-msc = How a card payment's fee is built
pricing-msc-intro = A shop pays a merchant service charge on every card payment, split three ways.
current-account = Current account
savings = Savings
income = Salary
fixed-costs = Rent and bills
spending-budget = Shopping budget
fees-paid = Bank fees last month
fees-expected-last = … what you expected from the prices you could see
surprise-fees = Fees you did not expect
fees-expected-next = Fees you expect next month, from the prices you can see
trust = Trust in your bank
loan-outstanding = Loan still owed
loan-instalment = Monthly payment
mortgage-outstanding = Home loan still owed
mortgage-instalment = Home loan monthly payment
past-due = Past due, owed on top
card-credit-outstanding = Owed on the credit card
not-offered = not offered
fragile-client = Financially fragile client
fragile-caps = fees beyond the overdraft capped at { $per_payment } a payment, { $per_month } a month
card-credit-least = Least card repayment this month
reserves = Reserves at the central bank
consumer-loans = Loans to households
central-bank-borrowing = Borrowed from the central bank
mortgages = Home loans
business-loans = Loans to shops
loan-loss-allowance = Less: losses expected on loans
deposits = Current accounts
equity = Equity
interest-income = Interest earned
interest-expense = Interest paid
fee-income = Fees earned
operating-costs = Running costs
credit-losses = Cost of risk
missed-instalments = Instalments missed, loans defaulted
missed-and-defaults = { $missed } missed, { $defaults } defaulted
profit-tax = Tax on profit
risk-weighted-assets = Risk-weighted assets
cet1-ratio = Capital (CET1 ratio)
cet1-of-requirement = { $ratio } (at least { $requirement } to lend)
refusal-inregister = the borrower failed to repay a loan in the last year and is in the credit register
refusal-nocapital = the bank's capital would fall below what its supervisor asks
business-account = Business account
rent = Rent and staff
sales = Sales
cost-of-goods = Cost of goods
bank-fees = Bank fees
net-income = What is left

## News
news-loan-granted = Your loan was granted.
news-loan-refused = Your loan was refused: { $reason }.
refusal-toorisky = the bank judged the risk too high
refusal-unaffordable = the payments would take too much of the income
refusal-alreadyborrowing = a loan is already running
news-loan-defaulted = A loan defaulted; the bank lost { $loss }.
news-loan-repaid = A loan was repaid in full.
news-instalment-missed = An instalment could not be paid: { $missed } now unpaid. The third is a default.
news-hard-times = Hard times: your salary stops for a year (a lost job, an illness). Your savings and your overdraft are what is left.
news-misfortune = A bill you did not expect: { $bill } (a flood, a theft, a customer who failed).
news-complaint-refunded = A complaint was refunded: { $amount }.
news-complaint-refused = A complaint was refused ({ $amount }).
news-client-switched = A household changed bank.
news-merchant-switched = A shop changed bank.
news-card-fraud = A card was used by fraudsters for { $amount }; the card's bank refunded it.
no-cap = no cap
shock-policy-rate = The central bank sets its policy rate at { $rate }.
shock-interchange-cap = The regulator caps interchange: { $debit } on debit cards, { $credit } on credit cards.
shock-fee-cap = The regulator caps irregular-payment fees: { $payment } a payment, { $month } a month.
shock-recession = Recession: salaries fall by { $cut } for { $months } months.
shock-fraud = A wave of card fraud for { $months } months.
shock-layer = From now on, the { $layer } layer applies.

## Value chain
chain-last-payment = The latest card payment
chain-whole-game = Every card payment so far
chain-your-100 = Where did your €100 go?
chain-last-month = Last month
chain-payments = { $payments ->
    [one] One card payment
   *[other] { $payments } card payments
}
chain-none-yet = No card payment yet: play a month first.
chain-hover = Hover over a ribbon to see who gets the money, and by which rule.
tables-bank-row = { $bank }: { $what }
chain-flow = { $who }: { $amount }
    { $why }
chain-in-words = The flows in words
stage-shoppers = Shoppers
stage-shops = Shop
stage-card-fees = Card fees
stage-state = State (VAT)
stage-suppliers = Suppliers
stage-issuer = Shopper's bank
stage-scheme = Card scheme
stage-acquirer = Shop's bank
stage-shop-keeps = Shop keeps

## Charts
charts-none-yet = No month played yet.
chart-clients = Clients of each bank
chart-profit = Each bank's profit, month by month (€)
chart-profit-hidden = Other banks' profits are hidden under this layer.
chart-trust = Households' average trust in their bank (out of 1,000)
chart-policy-rate = Policy rate (%)

chart-own-bank = { $bank }: your results, month by month (€)
chart-own-shop = { $shop }: your results, month by month (€)
chart-nii = Net interest income

## Debrief
debrief = Debrief
debrief-banks = How the banks did
nii-share = Interest share of income
roe = Return on equity
debrief-shops = Shops sold { $sales }, paid { $fees } in card fees and kept { $income }.
debrief-households = Households' trust in their banks at the end: { $trust } out of 1,000.
new-game = New game

debrief-results = Results
debrief-money = Where the money went
debrief-hidden = What was hidden
debrief-discussion = Discussion
debrief-questionnaire = Questionnaire
session-log-at = Session log (to replay this game): { $path }
outcome-client = Ended with { $balance } in the current account and { $savings } in savings; trust in the bank { $trust } / 1,000.
outcome-bank = Profit { $profit }, net interest margin { $nim }, return on equity { $roe }, { $clients } clients.
outcome-merchant = Kept { $income } over the game, after paying { $fees } in card fees.
debrief-products = Each bank's margin per product
debrief-products-intro = Revenue minus costs. The money deposits bring is valued at the policy rate; the money each loan uses is charged at the cost of funds it was priced at (when it was written for a fixed rate, today's for a variable one). The treasury keeps the reserves and what old fixed-rate loans cost or bring now that rates have moved. The running costs are shared out: keeping the accounts to current accounts, the rest in proportion to what each product earned (its income, and what the money deposits bring is worth). The columns add up to the profit. In brackets, for loans: the yearly return on the equity they tie up (the bank's equity shared in proportion to each product's risk-weighted loans); shareholders ask about 10%.
product-current_account = Current accounts
product-savings = Savings
product-card_issuing = Cards
product-acquiring = Card acceptance
product-consumer_loan = Household loans
product-mortgage = Home loans
product-revolving_credit = Card credit
product-business_loan = Shop loans
product-none = Tax on profit
product-reserves = Treasury (reserves)
debrief-hidden-intro = What each player could not see under the transparency layer, and what was true.
debrief-no-players = Nobody played: the bots had every seat.
nothing-hidden = Nothing was hidden from this seat.
secret-what = What
secret-you-saw = You saw
secret-truth = The truth
secret-irregular = { $bank }: fee for a payment without enough money
secret-overdraft = { $bank }: overdraft rate
secret-loan-margin = { $bank }: margin inside the loan rate
secret-profit = { $bank }: profit
secret-nim = { $bank }: net interest margin
secret-card-fee = { $bank }: card fee for shops (debit)
secret-own-rate = How your loan rate was built
secret-rate-parts = funds { $funds } + costs { $cost } + expected loss { $loss } + capital { $capital } + margin { $margin }
secret-own-card-fees = How your card fees were split last month
secret-game-card-fees = How the game's card fees were split
secret-fee-split = interchange { $interchange }, scheme { $scheme }, shop's bank { $acquirer }
no-discussion = This scenario has no discussion questions.
respondent = Player { $n }
consent-what = If you agree, your answers to the questions below are recorded with the scenario's name, the role you played and the time, to help the facilitator improve the workshop.
consent-anonymous = Nothing else is recorded: no name. The answers of this game share a random number, nothing more.
consent-yes = I agree, record my answers
consent-no = No thank you
consent-declined = Nothing will be recorded for this player.
likert-low = disagree
likert-high = agree
save-answers = Save my answers
answers-saved = Thank you: your answers are saved.
quiz-before = Before we start: a few questions
quiz-after = The same questions again, now that you have played
quiz-why = There is no mark for you: your answers, before and after the game, show the facilitator what the game taught the class.
quiz-consent = I agree that my answers are kept, with the seat I played (never my name)
quiz-send = Send my answers
quiz-skip = Skip the quiz
save-failed = Your answers could not be saved: { $error }
save-elsewhere = Save them in this file instead:
save-there = Save there
next-respondent = Next player
export-answers = Export this game's answers (CSV and JSON Lines)

console = Facilitator console
console-pause = Stop for discussion
console-pause-on = Stop on question
console-resume = Resume the game
console-run-bots = { $months ->
    [one] Bots play one month for everyone
   *[other] Bots play { $months } months for everyone
}
console-rewind = Go back to after this month
console-apply = Apply now
console-upcoming = Coming in the timeline:
console-month = month
console-now = Now
console-timer = Time for each player's month
time-left = { $time } left
time-up = Time is up
console-rate-now = Policy rate now: { $rate }
paused-title = Stop for discussion

## Settings
language = Language
language-en = English
language-fr = Français
ui-scale = Size of the interface
fullscreen = Full screen
fullscreen-key = (F11)
ui-scale-keys = Ctrl and + or - change it too; Ctrl+0 goes back to 100 %
tutorials = First-month guides
tutorials-first-month = Show each role's guide the first time it is played
close = Close

## Glossary: each term, then its explanation in plain words.
term-interchange = interchange
glossary-interchange = The part of a card payment's fee that goes to the shopper's bank, which issued the card. The EU caps it at 0.2% for debit cards and 0.3% for credit cards.
term-msc = card fees (MSC)
glossary-msc = The merchant service charge: what a shop pays on each card payment. It is interchange + the card scheme's fee + the shop's bank's margin.
term-scheme-fee = scheme fee
glossary-scheme-fee = What the card network (the scheme) takes on each card payment for carrying it.
term-acquirer-margin = acquirer margin
glossary-acquirer-margin = What the shop's bank keeps on each card payment, on top of interchange and the scheme fee.
term-issuer = card issuer
glossary-issuer = The bank that gave the shopper the card. It receives the interchange.
term-acquirer = acquirer
glossary-acquirer = The shop's bank, which accepts card payments for it.
term-policy-rate = policy rate
glossary-policy-rate = The central bank's rate. Banks earn it on their reserves and pay it when they borrow: it is the cost of the money they lend.
term-cost-of-funds = cost of funds
glossary-cost-of-funds = What the bank pays for the money it lends: the central bank's policy rate.
term-operating-cost = operating cost
glossary-operating-cost = The bank's cost of handling the loan: staff, offices, computers.
term-expected-loss = expected loss
glossary-expected-loss = What the bank expects to lose on average: the chance the borrower fails to repay × the share of the loan it would lose.
term-cost-of-capital = cost of capital
glossary-cost-of-capital = The return the bank's shareholders want on the capital the law makes it hold against the loan.
term-reserves = reserves
glossary-reserves = The bank's money at the central bank. Each month the payments its customers made to and received from outside the bank are settled there. 1% of its deposits and savings must stay there and earns nothing; the rest earns the policy rate; a bank that lacks reserves borrows them at a quarter point more.
term-cet1 = CET1 ratio
glossary-cet1 = The bank's own funds (common equity tier 1) over its risk-weighted assets: loans to households count for 75% of their amount, home loans for 35%, loans to shops for 85%, reserves for nothing, plus a charge for operational risk. Below the supervisor's requirement (7% here: a 4.5% minimum and a 2.5% buffer) the bank may not lend more.
term-mortgage = home loan
glossary-mortgage = A loan on the borrower's home, repaid by equal monthly payments over many years. Its rate is fixed (the bank bears a rise of its own cost of funds) or variable (it follows the policy rate, and the household bears the rise). If the borrower stops paying, the home is sold: the bank gets back the home's value when the loan was written, less 30%, less the sale's costs (at least a tenth of what is owed), never more than is owed; the household keeps any surplus. So the bank loses little, and the supervisor asks less capital for the part of the loan within 80% of the home's value.
term-deposit-guarantee = deposit guarantee
glossary-deposit-guarantee = When a bank's losses use up its capital, it fails. Its shareholders lose everything; each depositor keeps up to €100,000, which the deposit guarantee scheme covers (in the EU the banks fund it; here it stands outside the town); what a depositor holds above that bears the loss first. The open bank with the highest capital ratio that can carry the failed bank's risks and still meet its requirement takes over its accounts and loans; if there is none, the guarantee puts the bank back at its capital requirement.
term-profit-tax = tax on profit
glossary-profit-tax = A quarter of the bank's monthly profit goes to the state, once the losses of earlier months have been set against it.
term-margin = margin
glossary-margin = What the bank keeps on top of its costs: its commercial choice.
term-nim = net interest margin
glossary-nim = Interest earned minus interest paid, as a share of what the bank lends and holds, per year. About 1.7% for EU banks in 2024.
term-overdraft = overdraft rate
glossary-overdraft = The yearly interest charged when a current account goes below zero.
term-irregular-payment-fee = irregular-payment fee
glossary-irregular-payment-fee = A fee charged when a payment goes through beyond the overdraft the bank allows (half a month's income here). French law caps it.
term-savings-rate = savings rate
term-card-credit-rate = card credit rate
glossary-card-credit-rate = The yearly rate on what a credit cardholder owes on its card (revolving credit). A cardholder overdrawn at the month's end draws on its card, up to a month of its income, and must pay it back within 36 months, 60 above €3,000 (the French rule). Zero: the bank's credit cards are paid in full each month. France's usury ceiling for such credit was about 22-22.5% a year in 2024.
glossary-savings-rate = The yearly interest paid on savings. What the bank does not pass on of the policy rate is its margin on deposits.
term-vat = VAT
glossary-vat = Value-added tax, included in shop prices and paid to the state.
term-markup = mark-up
glossary-markup = What the shop adds on top of the supplier's price, before VAT.
term-trust = trust
glossary-trust = How much a household trusts its bank, out of 1,000. Unexpected fees and refused complaints lower it; households who lose trust leave.
term-layer = transparency layer
glossary-layer = What players can see. Opaque: only your own prices and accounts; small print hidden. Disclosed: every bank's pricing rules. Glass: every value chain and every actor's margin.
term-pd = probability of default
glossary-pd = The chance, per year, that a borrower stops repaying, as the bank's scoring sees it. Here it is the chance of hard times (no salary for a year, or a shop's big unexpected bill): a borrower with savings rides them out, one without misses instalments. Banks refuse borrowers above their limit.
term-cost-of-risk = cost of risk
glossary-cost-of-risk = What the bank's expected losses on loans grew by, plus the losses they did not cover, as a share of the loans, per year. About 0.5% for EU banks in 2024.
term-loan-loss-allowance = allowance for loan losses
glossary-loan-loss-allowance = What the bank sets aside from its profit for losses it expects (IFRS 9): a year of expected loss on a loan that is paid, its whole life's once an instalment is missed. A loan defaults at the third missed instalment in a row; the allowance covers the loss first.

## Workshop: console and two tables
console-to-players = Players' screen (F2)
console-to-projector = Projector (F3)
console-table = The table
console-finished = The game is over: the debrief is open.
console-no-humans = Bots hold every seat.
console-deciding = still deciding
console-done = done
console-play-now = Play the month now
console-play-now-why = Plays the month with what the players still deciding have chosen so far.
console-message = A message for the room
console-message-hint = It appears in this month's news.
console-send = Send
console-second-table = Second table for the debrief
console-second-table-why = The debrief shows this game beside the same one played under this layer.
console-interchange-cap = Interchange cap
console-fee-cap = Cap on each irregular-payment fee
console-lift = Lift
card-debit = debit cards
card-credit = credit cards
facilitator-mode = Facilitator mode
facilitator-mode-keys = F2: console, F3: projector
debrief-tables = Two tables
debrief-lessons = Over many games
tables-title = Two tables: the same game under two layers
tables-why = Same scenario, same seed, the same decisions by the players. Only the layer differs: every seat no player took is played by a bot that decides from what its seat can see under that layer.
tables-second-layer = Second table under:
tables-failed = The second table could not be played: { $reason }
tables-this =
    This table
    ({ $layers })
tables-other =
    Second table
    ({ $layers })
tables-difference = Difference
tables-fee-income = fee income
tables-fees-paid = Fees households paid
tables-surprise-fees = … of which above what they expected
tables-complaints = Complaints
tables-switched = Households that changed bank
tables-trust = Trust in their bank at the end (of 1,000)
tables-household-money = Households' money at the end
tables-card-fees = Card fees paid by shops
tables-shops-cards = Shops taking cards at the end

## The browser
download-answers = Download them as a file
download-session-log = Download the session log
open-scenario-file = Open a scenario file…

## The glossary screen (F1)
glossary-title = Glossary
glossary-key = Every term the game uses, explained (F1)
glossary-search = Search:
glossary-nothing = No term matches.

## The first-month guide, a few pages for each role.
guide-title = { $role }: your first month ({ $page }/{ $pages })
guide-next = Next (Enter)
guide-done = Let's play (Enter)
guide-back = Back
guide-skip = Skip the guide
guide-skip-key = Escape skips it too
guide-never = Never show guides
guide-client-1 = You are a household. In your decisions (on the left, or the first tab on a small screen) you decide your month: how much you spend and how (card or cash), how much you put aside, whether you ask for a loan, change bank, complain or stop shopping somewhere. Each control says what it will cost before you commit.
guide-client-2 = Your bank lives on your account fees, card fees, overdraft charges and the interest on loans. Depending on the game's transparency layer, some of these are hidden from you: the game then says "hidden", never zero.
guide-client-3 = On the right: the month's news, the market (what every bank offers), where the money goes (who gets each euro of your card payments), how prices are built, charts and your own accounts. Underlined words explain themselves when you point at them; F1 opens the glossary.
guide-client-4 = When you are done, press "Done for this month" or Ctrl+Enter. If others play, the computer then goes to the next player. Tab moves between controls and the arrow keys move a slider.
guide-retail-1 = You run a bank's retail side: the current accounts, savings, cards and consumer loans of households. In your decisions (on the left, or the first tab on a small screen) you set your fees, what you pay on savings and the margin you take on loans.
guide-retail-2 = Cases wait for you below: loan applications and complaints. Approve or refuse each one, or let your bank's policy decide. A loan that is not repaid becomes a loss.
guide-retail-3 = "How prices are built" shows the five parts of a loan rate: the cost of funds, the operating cost, the expected loss, the cost of capital and your margin. The market shows what the other banks offer, and clients who pay too much may leave.
guide-retail-4 = When you are done, press "Done for this month" or Ctrl+Enter. Tab moves between controls and the arrow keys move a slider; F1 opens the glossary.
guide-business-1 = You run a bank's business side: the shops' accounts, their card terminals and their loans. In your decisions (on the left, or the first tab on a small screen) you set the card fees shops pay on each payment (the MSC), the terminal rent and the business account fee.
guide-business-2 = Each card payment's fee is split three ways: interchange for the shopper's bank, the card scheme's fee, and your margin. "Where the money goes" shows it for every €100 paid.
guide-business-3 = Shops' loan applications wait for you below: approve or refuse, or let your bank's policy decide. A shop that finds your fees too high may stop taking cards or change bank.
guide-business-4 = When you are done, press "Done for this month" or Ctrl+Enter. Tab moves between controls and the arrow keys move a slider; F1 opens the glossary.
guide-merchant-1 = You keep a shop. In your decisions (on the left, or the first tab on a small screen) you set your mark-up: it makes your shelf prices, from what the goods cost you. Higher prices earn more on each sale, but shoppers may go elsewhere.
guide-merchant-2 = Taking cards brings shoppers who do not carry cash, and costs you the card fees on each payment plus the terminal rent. You can stop taking cards, or take your business to another bank.
guide-merchant-3 = "Where the money goes" shows what is left to you from each €100 a shopper pays, after VAT, your supplier and the card fees. Your accounts show your sales, costs and profit.
guide-merchant-4 = When you are done, press "Done for this month" or Ctrl+Enter. Tab moves between controls and the arrow keys move a slider; F1 opens the glossary.

## A seat in a networked room (glassbank serve)
room-join-title = Join a room
room-title = Join a workshop room
room-explain = The facilitator runs the game on their computer (glassbank serve) and shows a room code; play your seat from here.
room-address = The room's address (shown by the facilitator)
room-code = Room code
room-join = Join
room-leave = Leave the room
room-connecting = Connecting to room {$room}…
room-waiting = Waiting for the room…
room-in = Room {$room}
room-pick-seat = Pick your seat:
room-at-table = You play at table {$table}.
room-no-seat = Every seat is taken; ask the facilitator.
room-waiting-others = Done. Waiting for {$count ->
        [one] {$count} player
       *[other] {$count} players
    }…
room-over = Every month has been played

## Hosting a networked room from this game
host-button = Host a networked room…
host-button-why = Players join this game from their own browsers; this window is the facilitator's console and the projector.
host-title = A networked room for “{$scenario}”
host-explain = This computer runs the game; players open the address shown (same Wi-Fi) on their laptop or phone, type the room's code and pick a seat. The room is saved as it goes: open it again to go on where it stopped.
host-port = Port
host-players = Players
host-players-why = How many people will play: the scenario's seats, and more households up to this number (0: the scenario's seats).
host-lan = Open to the other devices of this network (otherwise to this computer only)
host-fresh = Start afresh, even if this scenario's room was saved
host-open = Open the room
host-close = Close the room
host-join-at = Join at
host-bot = Bot
host-bot-why = A bot plays this seat from now on (a player who left).
host-free = Free
host-free-why = The seat is free again: whoever holds it is let go and its link stops working (a stranger took it, or a player must change seats).
host-to-console = Back to the console (F3)

## The debrief's lessons over many games
lessons-heading = What the bots show over many games
lessons-intro = The scenario's lessons: each variant played by bots on { $seeds } seeds, the same town, everything else held equal. Your table is one game among many.
lessons-playing = Playing game { $done } of { $of }…
lessons-failed-to-play = The lessons could not be played: { $reason }
lesson-sentence = In { $games } games played by bots, { $metric } went from { $from } ({ $first }) to { $to } ({ $second }) on the median: { $change }.
lesson-ranges = Eight games in ten: { $first_low } to { $first_high } ({ $first }); { $second_low } to { $second_high } ({ $second }).
lesson-verdict-holds = More than luck: the two ranges do not overlap.
lesson-verdict-luck = The medians move this way, but the ranges overlap: luck could explain it.
lesson-verdict-wrong-way = Not what the scenario expects: the medians move the other way.
lessons-see-part = The scenario's lessons over many games of bots are in “Over many games”.
lessons-none-here = This scenario states no lessons (see docs/scenario-format.md, “lessons”).

## The facilitator's tablet and the class debrief on the projector
tablet-title = The facilitator's console
tablet-console = Console
tablet-projector = Projector
tablet-report = The class report
tablet-tables = { $tables ->
    [one] One table
   *[other] { $tables } tables
}, { $finished } finished
tablet-pause-all = Stop every table
tablet-resume-all = Resume every table
tablet-play-all = Play the month now at every table
tablet-minutes = Time for each month:
tablet-away = A bot takes a seat left empty after:
tablet-no-limit = no limit
tablet-min = { $minutes } min
tablet-table = Table { $table }
tablet-finished = Every month played: debrief
tablet-paused = stopped for discussion
tablet-counts = { $deciding } deciding, { $done } done, { $bots } bots, { $away } disconnected
tablet-pause = Stop table { $table }
tablet-resume = Resume table { $table }
tablet-play = Play the month at table { $table }
tablet-seats = Seats
tablet-bot = Bot for table { $table }, { $seat }
host-facilitator-link = Facilitator's tablet (keep it to yourself: it holds the room's secret)
class-title = The class: { $finished } of { $tables } tables finished
class-none-yet = The tables' figures appear here as each table plays its last month.
class-side-by-side = The tables side by side
class-layer-mean = { $layer } layer: mean of { $tables }
class-chains = Where the card money went, as each table's households saw it
class-chains-why = The same value chain under two layers: what the opaque table's households could not see is hidden.
class-chain-of = Table { $table } ({ $layer })
class-lesson = { $metric }: { $second } against { $first }, { $expect }
class-expect-lower = expected lower
class-expect-higher = expected higher
class-bots = Bots over { $games } games: from { $from } to { $to } ({ $change }) on the medians.
class-bots-not-yet = The bots' games for this lesson are still being played on the server.
class-same-events = Every table of the class played these events: the class cannot be compared on them.
class-not-both = This class has no finished table under one of the two layers yet.
class-moved-as-expected = This class: from { $from } to { $to } ({ $change }), as the lesson says.
class-moved-otherwise = This class: from { $from } to { $to } ({ $change }), not as the lesson says: a few tables are not many games. Why?
