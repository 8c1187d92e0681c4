# Glass Bank, English.
game-name = Glass Bank
game-tagline = Where does your euro go?
scenario-turns = { $turns ->
    [one] One month to play
   *[other] { $turns } months to play
}
error-scenario = This scenario could not be read: { $error }
